"""Builds the extension tengerim._tengerim with the project's CMake and puts it,
with the generated type stubs, into the wheel beside the package's Python files.

TENGERIM_CMAKE_BUILD_DIR names an existing build folder to reuse (CI does, so
the engine is compiled once); otherwise a fresh Release build under
build/cmake is configured for the interpreter running pip.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def version():
    text = (ROOT / "CMakeLists.txt").read_text()
    return re.search(r"project\(\s*tengerim\s+VERSION\s+([0-9.]+)", text, re.IGNORECASE).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.environ.get("TENGERIM_CMAKE_BUILD_DIR") or str(HERE / "build" / "cmake")
        if not (Path(build) / "CMakeCache.txt").exists():
            subprocess.check_call(["cmake", "-S", str(ROOT), "-B", build, "-DCMAKE_BUILD_TYPE=Release",
                                   "-DTENGERIM_TESTS=OFF", f"-DPython_EXECUTABLE={sys.executable}"])
        jobs = str(os.cpu_count() or 1)
        subprocess.check_call(["cmake", "--build", build, "--target", "tengerim_python", "-j", jobs])
        built = Path(build) / "python" / "tengerim"
        modules = list(built.glob("_tengerim*.so"))
        if len(modules) != 1:
            raise RuntimeError(f"expected one _tengerim*.so in {built}, found {modules}")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(modules[0], target)
        shutil.copyfile(built / "__init__.pyi", target.parent / "__init__.pyi")


setup(version=version(), ext_modules=[Extension("tengerim._tengerim", sources=[])],
      cmdclass={"build_ext": CMakeBuild})
