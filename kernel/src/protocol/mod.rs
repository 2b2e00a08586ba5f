// The Jupyter wire protocol: connection file, signed multipart messages, sockets.
// Knows nothing of what cells contain.

pub mod connection;
pub mod header;
pub mod signing;
pub mod sockets;
pub mod wire;
