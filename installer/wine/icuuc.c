/* TEST SCAFFOLDING FOR WINE ONLY — never shipped in the installer.
 *
 * Qt6Core (PySide6 >= 6.10) imports the ICU converter API from Windows' own icuuc.dll, which
 * every supported Windows 10/11 has and Wine 8 lacks. Qt uses it only for legacy (non-UTF)
 * text codecs, which the app never asks for, so "no converter available" is enough for the
 * app to load and run its self-test under Wine.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

EXPORT void *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 4; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err)
{
    (void)cnv; (void)err;
    return "";
}
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context)
{
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context)
{
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc,
                                UErrorCode *err)
{
    (void)cnv; (void)a; (void)c; (void)oa; (void)oc; (void)err;
}
EXPORT void ucnv_setFromUCallBack(void *cnv, void *a, const void *c, void **oa,
                                  const void **oc, UErrorCode *err)
{
    (void)cnv; (void)a; (void)c; (void)oa; (void)oc; (void)err;
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length,
                                  int32_t offset, UErrorCode *err)
{
    (void)args; (void)source; (void)length; (void)offset; (void)err;
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit,
                                    int32_t offset, UErrorCode *err)
{
    (void)args; (void)source; (void)limit; (void)offset; (void)err;
}
EXPORT void ucnv_toUnicode(void *cnv, void **t, const void *tl, const char **s, const char *sl,
                           int32_t *o, int8_t flush, UErrorCode *err)
{
    (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_fromUnicode(void *cnv, char **t, const char *tl, const void **s,
                             const void *sl, int32_t *o, int8_t flush, UErrorCode *err)
{
    (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush;
    if (err) *err = U_FILE_ACCESS_ERROR;
}
EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err)
{
    (void)cnv; (void)err;
    return 0;
}
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err)
{
    (void)cnv; (void)err;
    return 0;
}
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name; (void)standard; (void)err;
    return NULL;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
