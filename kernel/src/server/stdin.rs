// The stdin channel: turns a cell's `CellIo::input` into an `input_request` to the client
// that sent the cell, and its `input_reply` (or an interrupt) into the answer.

use std::sync::Arc;

use jupyter_protocol::InputRequest;
use zeromq::{RouterSocket, SocketRecv, SocketSend};

use super::kernel::Kernel;
use super::publisher::{InputAsk, InputUnavailable};
use crate::protocol::sockets::{from_frames, into_frames};

pub async fn serve_stdin(kernel: Arc<Kernel>, mut socket: RouterSocket, mut asks: tokio::sync::mpsc::UnboundedReceiver<InputAsk>) {
    loop {
        tokio::select! {
            ask = asks.recv() => match ask {
                Some(ask) => answer(&kernel, &mut socket, ask).await,
                None => return,
            },
            stray = socket.recv() => {
                if stray.is_ok() {
                    tracing::warn!("message on stdin while no input was requested; dropped");
                }
            }
        }
    }
}

async fn answer(kernel: &Kernel, socket: &mut RouterSocket, mut ask: InputAsk) {
    let mut interrupts = kernel.interrupts.subscribe();
    interrupts.borrow_and_update();
    let header = kernel.headers.header("input_request");
    let parent = kernel.parents.raw(&ask.parent);
    let content = InputRequest { prompt: ask.prompt.clone(), password: ask.password };
    let frames = kernel.codec.encode(&ask.identities, &header, &parent, &content);
    if let Err(error) = socket.send(from_frames(frames)).await {
        tracing::warn!(%error, "could not send input_request");
        let _ = ask.answer.send(Err(InputUnavailable::Closed));
        return;
    }
    let outcome = loop {
        tokio::select! {
            received = socket.recv() => {
                let Ok(received) = received else { continue };
                match kernel.codec.decode(into_frames(received)) {
                    Ok(msg) if msg.msg_type == "input_reply" => {
                        break Ok(msg.content["value"].as_str().unwrap_or_default().to_string());
                    }
                    Ok(msg) => tracing::warn!(msg_type = msg.msg_type, "unexpected message on stdin; dropped"),
                    Err(error) => tracing::warn!(%error, "dropped a message on stdin"),
                }
            }
            _ = interrupts.changed() => break Err(InputUnavailable::Interrupted),
            _ = ask.answer.closed() => return,
        }
    };
    let _ = ask.answer.send(outcome);
}
