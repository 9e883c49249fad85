"""The package installs offline into a fresh virtual environment (setuptools
driving the project's CMake, reusing the test build) and imports from there."""
import os
import subprocess

SOURCE = os.environ["TENGERIM_SOURCE_DIR"]
BUILD = os.environ["TENGERIM_BUILD_DIR"]


def test_wheel_installs_into_a_fresh_venv_and_runs(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = dict(os.environ, TENGERIM_CMAKE_BUILD_DIR=BUILD, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)  # the installed package, not the build's
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", "--no-index", "-q",
                              os.path.join(SOURCE, "python")], env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    # Run from outside the source tree, so only the installed copy can be imported.
    script = ("import tengerim, pathlib; m = tengerim.Model.load('builtin:kaz'); s = m.report().series; "
              "print(pathlib.Path(tengerim.__file__).parent); print(tengerim.__version__); "
              "print(int(s[s.published].year.iloc[-1]))")
    run = subprocess.run([str(venv / "bin" / "python"), "-c", script], env=env, cwd=tmp_path, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    where, version, year = run.stdout.split()
    assert where.startswith(str(venv)), where
    assert (venv / "lib").exists() and list(venv.glob("lib/python3*/site-packages/tengerim/__init__.pyi"))
    assert version == "0.1.0"  # project(tengerim VERSION 0.1.0) in CMakeLists.txt
    assert year == "2024"  # the built-in model's latest published year (docs/measures.md §7)
