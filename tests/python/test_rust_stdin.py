# A Rust cell that reads a line: the kernel asks the front end with `input_request` on the stdin
# channel (only when the request allows stdin) and the cell gets the answer.

from kernel_session import Kernel


def test_a_rust_cell_reads_input_from_the_front_end(tmp_path, kernelspec):
    k = Kernel(tmp_path)
    try:
        k.ok(':dep evcxr_input = "1"', timeout=600)
        msg_id = k.kc.execute(
            'let name = evcxr_input::get_string("Your name? "); println!("hello, {name}");',
            allow_stdin=True,
        )
        request = k.kc.get_stdin_msg(timeout=300)
        assert request["msg_type"] == "input_request"
        assert request["content"]["prompt"] == "Your name? "
        assert request["content"]["password"] is False
        assert request["parent_header"]["msg_id"] == msg_id
        k.kc.input("Ada")
        run = k.collect(msg_id, timeout=300)
        assert run.status == "ok", run.reply["content"]
        assert "hello, Ada" in run.text()

        # Without allow_stdin the cell is told so and reads an empty line instead of hanging.
        msg_id = k.kc.execute('let again = evcxr_input::get_string("Again? "); println!("[{again}]");', allow_stdin=False)
        run = k.collect(msg_id, timeout=300)
        assert run.status == "ok", run.reply["content"]
        assert "[]" in run.text() and "input unavailable" in run.text()
    finally:
        k.close()
