/* TEST SCAFFOLDING FOR WINE ONLY — never shipped in the installer.
 *
 * Rust's standard library (pydantic-core, cryptography, python-calamine) gets random bytes
 * from bcryptprimitives.dll!ProcessPrng, present since Windows 10 and missing in Wine 8.
 * Here it is answered from advapi32's RtlGenRandom (SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
