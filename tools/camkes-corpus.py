#!/usr/bin/env python3
"""Runs `camkes check` over the public CAmkES corpus and prints how much of it is accepted.

Fetches nothing: give it checkouts of seL4/camkes, seL4/camkes-tool and seL4/global-components.
For each app under camkes/apps it reads the app's CMakeLists.txt for what CAmkES's build would
pass (the root spec, CPP_FLAGS, CPP_INCLUDES, CAmkESAddCPPInclude, CAmkESAddImportPath,
includeGlobalComponents(), add_subdirectory) and always adds camkes-tool's include/builtin and
components directories, as camkes.cmake does.
With --parser-tests it also runs camkes-tool's parser tests (good/ accepted, bad-at-*/ rejected).

    tools/camkes-corpus.py --camkes ../camkes --camkes-tool ../camkes-tool \
        --global-components ../global-components [--platform pc99] [--camkes-cmd 'camkes'] [-v]
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

GLOBAL_PLATFORM_COMPONENTS = ("TimeServer", "SerialServer", "ResetServer", "Ethdriver", "ClockServer", "GPIOMUXServer")


def cmake_commands(text):
    """Yields (name, [args]) for every command call in a CMakeLists.txt, comments removed."""
    text = re.sub(r"#[^\n]*", "", text)
    for match in re.finditer(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(", text):
        depth, i = 1, match.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        body = text[match.end():i - 1]
        try:
            args = shlex.split(body, posix=True)
        except ValueError:
            args = body.split()
        yield match.group(1), args


def substitute(value, variables):
    return re.sub(r"\$\{([^}]*)\}", lambda m: variables.get(m.group(1), ""), value)


def app_invocation(app_dir, options):
    """The spec and the camkes-check arguments that the app's CMakeLists.txt (and the
    directories it adds with add_subdirectory) name."""
    found = {"root": None, "flags": [], "includes": []}
    variables = {"KernelPlatform": options.platform, "KernelArch": options.arch}
    # components.cmake includes the platform's own list (pc99: the serial port's component).
    read_cmake(os.path.join(options.camkes_tool, "components", "plat", options.platform, "plat"), variables, found, options)
    read_cmake(app_dir, variables, found, options)
    includes = camkes_tool_paths(options) + found["includes"]
    flags = found["flags"] + ["-DCAMKES_TOOL_PROCESSING"]
    return found["root"], [f"-I{p}" for p in includes] + flags


def camkes_tool_paths(options):
    """What camkes.cmake adds for every app: include/builtin and components/components.cmake's paths."""
    tool = options.camkes_tool
    builtin = [] if options.own_builtin else [os.path.join(tool, "include", "builtin")]
    paths = builtin + [os.path.join(tool, "components"),
             os.path.join(tool, "components", "plat", options.platform), os.path.join(tool, "components", "arch", options.arch)]
    return [p for p in paths if os.path.isdir(p)]


def read_cmake(directory, variables, found, options):
    path = os.path.join(directory, "CMakeLists.txt")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    variables = dict(variables, CMAKE_CURRENT_LIST_DIR=directory, CMAKE_CURRENT_SOURCE_DIR=directory)

    def absolute(p):
        return p if os.path.isabs(p) else os.path.join(directory, p)

    for name, args in cmake_commands(text):
        args = [substitute(a, variables) for a in args]
        if name == "set" and len(args) >= 2 and args[0] not in variables:
            variables[args[0]] = args[1]
        elif name == "add_subdirectory" and args:
            read_cmake(absolute(args[0]), variables, found, options)
        elif name == "DeclareCAmkESRootserver" and found["root"] is None and args:
            found["root"] = absolute(args[0])
            mode = None
            for arg in args[1:]:
                if arg in ("CPP_FLAGS", "CPP_INCLUDES", "DTS_FILE_PATH", "DTB_FILE_PATH"):
                    mode = arg
                elif mode == "CPP_FLAGS" and arg:
                    found["flags"].append(arg)
                elif mode == "CPP_INCLUDES" and arg:
                    found["includes"].append(absolute(arg))
        elif name in ("CAmkESAddCPPInclude", "CAmkESAddImportPath"):
            found["includes"].extend(absolute(a) for a in args if a)
        elif name == "includeGlobalComponents":
            found["includes"].extend(global_component_paths(options))


def global_component_paths(options):
    """What global-components.cmake and its components add to the import and include paths."""
    gc, plat = options.global_components, options.platform
    paths = [os.path.join(gc, "interfaces"), os.path.join(gc, "plat_interfaces", plat),
             os.path.join(gc, "components"), os.path.join(gc, "plat_components", plat)]
    for dirpath, dirnames, _ in os.walk(gc):
        if "camkes-include" in dirnames:
            paths.append(os.path.join(dirpath, "camkes-include"))
    for component in GLOBAL_PLATFORM_COMPONENTS:
        paths.append(os.path.join(gc, "components", component, "include", "plat", plat))
    return [p for p in paths if os.path.isdir(p)]


def check(command, spec, args, verbose):
    run = subprocess.run(command + ["check"] + args + [spec], capture_output=True, text=True)
    if verbose:
        first = next((line for line in run.stderr.splitlines() if ": error " in line), run.stderr.strip()[:300])
        print(f"  {'accepted' if run.returncode == 0 else 'REJECTED'}  {os.path.relpath(spec, options_root(spec))}  {'' if run.returncode == 0 else first}")
    return run.returncode == 0


def options_root(path):
    return os.path.dirname(os.path.dirname(os.path.dirname(path)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--camkes", required=True, help="checkout of seL4/camkes (its apps/ are checked)")
    parser.add_argument("--camkes-tool", required=True, help="checkout of seL4/camkes-tool (include/builtin, parser tests)")
    parser.add_argument("--global-components", required=True, help="checkout of seL4/global-components")
    parser.add_argument("--platform", default="pc99", help="KernelPlatform for platform-specific paths (default pc99)")
    parser.add_argument("--arch", default="x86", help="KernelArch for camkes-tool's components/arch (default x86)")
    parser.add_argument("--camkes-cmd", default="camkes", help="how to run the camkes tool (default: camkes on PATH)")
    parser.add_argument("--own-builtin", action="store_true",
                        help="leave camkes-tool's include/builtin out, so UxRt.Camkes's built-in library answers")
    parser.add_argument("--parser-tests", action="store_true", help="also run camkes-tool's camkes/parser/tests")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each spec's result and first error")
    options = parser.parse_args()
    command = shlex.split(options.camkes_cmd)

    apps_dir = os.path.join(options.camkes, "apps")
    apps = sorted(d for d in os.listdir(apps_dir) if os.path.isfile(os.path.join(apps_dir, d, "CMakeLists.txt")))
    accepted = 0
    for app in apps:
        root, args = app_invocation(os.path.join(apps_dir, app), options)
        accepted += root is not None and check(command, root, args, options.verbose)
    print(f"apps accepted: {accepted}/{len(apps)}")

    if options.parser_tests:
        tests = os.path.join(options.camkes_tool, "camkes", "parser", "tests")
        builtin = [] if options.own_builtin else ["-I" + os.path.join(options.camkes_tool, "include", "builtin")]
        good = sorted(os.path.join(tests, "good", f) for f in os.listdir(os.path.join(tests, "good")) if f.endswith(".camkes"))
        good_ok = sum(check(command, f, builtin, options.verbose) for f in good)
        print(f"good parser tests accepted: {good_ok}/{len(good)}")
        bad = sorted(os.path.join(tests, d, f) for d in os.listdir(tests) if d.startswith("bad-at-")
                     for f in os.listdir(os.path.join(tests, d)) if f.endswith(".camkes"))
        bad_rejected = sum(not check(command, f, builtin, options.verbose) for f in bad)
        print(f"bad parser tests rejected: {bad_rejected}/{len(bad)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
