// The kernel's ZeroMQ sockets, bound to the connection file's address only:
// ROUTER shell/control/stdin, XPUB iopub, and the heartbeat echo.

use bytes::Bytes;
use zeromq::{RepSocket, RouterSocket, Socket, SocketRecv, SocketSend, XPubSocket, ZmqMessage};

use super::connection::{ChannelKind, ConnectionFile};

#[derive(Debug, thiserror::Error)]
pub enum BindError {
    #[error("cannot bind the {channel:?} channel to {endpoint}: {source}")]
    Bind { channel: ChannelKind, endpoint: String, source: zeromq::ZmqError },
}

pub struct KernelSockets {
    pub shell: RouterSocket,
    pub control: RouterSocket,
    pub stdin: RouterSocket,
    pub iopub: XPubSocket,
    pub heartbeat: RepSocket,
}

impl KernelSockets {
    pub async fn bind(connection: &ConnectionFile) -> Result<Self, BindError> {
        Ok(KernelSockets {
            shell: bind(RouterSocket::new(), connection, ChannelKind::Shell).await?,
            control: bind(RouterSocket::new(), connection, ChannelKind::Control).await?,
            stdin: bind(RouterSocket::new(), connection, ChannelKind::Stdin).await?,
            iopub: bind(XPubSocket::new(), connection, ChannelKind::IoPub).await?,
            heartbeat: bind(RepSocket::new(), connection, ChannelKind::Heartbeat).await?,
        })
    }
}

async fn bind<S: Socket>(mut socket: S, connection: &ConnectionFile, channel: ChannelKind) -> Result<S, BindError> {
    let endpoint = connection.endpoint(channel);
    socket.bind(&endpoint).await.map_err(|source| BindError::Bind { channel, endpoint, source })?;
    Ok(socket)
}

/// Echoes every heartbeat ping until the socket fails.
pub async fn serve_heartbeat(mut socket: RepSocket) {
    loop {
        match socket.recv().await {
            Ok(ping) => {
                if let Err(error) = socket.send(ping).await {
                    tracing::warn!(%error, "heartbeat reply failed");
                }
            }
            Err(error) => {
                tracing::warn!(%error, "heartbeat receive failed");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
    }
}

pub fn into_frames(message: ZmqMessage) -> Vec<Bytes> {
    message.into_vec()
}

pub fn from_frames(frames: Vec<Bytes>) -> ZmqMessage {
    ZmqMessage::try_from(frames).expect("an encoded message always has frames")
}
