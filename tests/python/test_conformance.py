# Protocol conformance of the installed kernel, checked by jupyter_kernel_test (the Jupyter
# project's own kernel test suite) through jupyter_client.

import unittest

import jupyter_kernel_test as jkt

KERNEL_NAME = "fekernel"
# The first Rust cell starts evcxr and compiles its runtime: far beyond jupyter_kernel_test's
# 15 s per-request timeout on a 2-core machine, so the class warms it up once.
WARM_UP_TIMEOUT = 300


class FekernelConformance(jkt.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "rust"
    file_extension = ".rs"

    code_hello_world = 'println!("hello, world");'
    code_stderr = 'eprintln!("something went wrong");'

    completion_samples = [
        {"text": "%fe hel", "matches": ["help"]},
        {"text": "%fe sch", "matches": ["schema"]},
    ]
    complete_code_samples = ['println!("x");', "%fe help", "let v = vec![1, 2, 3];", "fn f() {}"]
    incomplete_code_samples = ["fn f() {", "let t = (1,", 'let s = "open']
    invalid_code_samples = ["}", "let x = (1, 2]);"]

    # An unknown magic is a UsageError: exactly one `error` output, answered at once.
    code_generate_error = "%fe lod data.csv"

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "let greeting = \"hi\"; greeting.len()", "result": "2"},
    ]
    code_display_data = [
        {"code": "%fe help", "mime": "text/html"},
        {"code": "%fe help", "mime": "text/plain"},
    ]

    code_history_pattern = "1 + 2"
    supported_history_operations = ("tail", "range", "search")

    # Shift-Tab on a magic shows that command's help.
    code_inspect_sample = "%fe load"
    # `%fe COMMAND?` pages the command's help, as `%magic?` does in IPython.
    code_page_something = "%fe load?"

    # code_clear_output stays empty: no fekernel command clears its output (see README,
    # "Protocol conformance"), so jupyter_kernel_test skips that one test.

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reply = cls.kc.execute_interactive("let warm_up = 1;", timeout=WARM_UP_TIMEOUT)
        assert reply["content"]["status"] == "ok", reply["content"]


class FekernelIopubWelcome(jkt.IopubWelcomeTests):
    kernel_name = KERNEL_NAME
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
