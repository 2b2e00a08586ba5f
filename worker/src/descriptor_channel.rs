// Open files handed from the kernel to the worker (a file to load, a source to restore from)
// over a Unix socket pair that the worker inherits as descriptor 3: the worker never opens a
// path outside its session folder, so Landlock can deny it every other path.
//
// Why `sendfd`: it is a small, focused crate over sendmsg/recvmsg with SCM_RIGHTS (depending
// only on libc); rustix's `net` feature would also do, but turning it on rebuilds Polars' I/O
// crates (polars-io depends on rustix through fs4).

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;

use sendfd::{RecvWithFd, SendWithFd};

/// The descriptor number of the worker's end.
pub const WORKER_END: RawFd = 3;

/// Both ends, made by the kernel before it starts a worker.
pub struct DescriptorPair {
    pub kernel_end: DescriptorSender,
    /// Becomes descriptor 3 of the worker (see `spawn::sandboxed_command`), then is dropped.
    pub worker_end: OwnedFd,
}

impl DescriptorPair {
    pub fn new() -> io::Result<DescriptorPair> {
        let (kernel, worker) = UnixStream::pair()?;
        Ok(DescriptorPair { kernel_end: DescriptorSender(kernel), worker_end: worker.into() })
    }
}

/// The kernel's end: sends one open file per message.
pub struct DescriptorSender(UnixStream);

impl DescriptorSender {
    pub fn send(&self, file: &File) -> io::Result<()> {
        // One byte of data carries the descriptor (a stream socket sends nothing without data).
        let sent = self.0.send_with_fd(&[1u8], &[file.as_raw_fd()])?;
        if sent != 1 {
            return Err(io::Error::other("the descriptor was not sent"));
        }
        Ok(())
    }
}

/// The worker's end.
pub struct DescriptorReceiver(UnixStream);

impl DescriptorReceiver {
    /// Descriptor 3, if it is the socket the kernel set up (a worker started another way has none).
    pub fn inherited() -> Option<DescriptorReceiver> {
        // SAFETY: fstat writes into the struct we pass; an invalid fd just fails.
        let is_socket = unsafe {
            let mut stat: libc::stat = std::mem::zeroed();
            libc::fstat(WORKER_END, &mut stat) == 0 && (stat.st_mode & libc::S_IFMT) == libc::S_IFSOCK
        };
        // SAFETY: descriptor 3 is open, a socket, and owned by nothing else in this process.
        is_socket.then(|| DescriptorReceiver(unsafe { UnixStream::from_raw_fd(WORKER_END) }))
    }

    /// The next file the kernel sent (it sends it just before the request that uses it).
    pub fn receive(&self) -> io::Result<File> {
        let mut data = [0u8; 1];
        let mut fds = [-1 as RawFd; 1];
        let (bytes, count) = self.0.recv_with_fd(&mut data, &mut fds)?;
        if bytes == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the kernel closed the descriptor channel"));
        }
        if count != 1 || fds[0] < 0 {
            return Err(io::Error::other("a message without a file arrived on the descriptor channel"));
        }
        // SAFETY: recvmsg just created this descriptor for us; nothing else owns it.
        Ok(unsafe { File::from_raw_fd(fds[0]) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    #[test]
    fn a_file_sent_arrives_open_at_the_same_position() {
        let (kernel, worker) = UnixStream::pair().unwrap();
        let (sender, receiver) = (DescriptorSender(kernel), DescriptorReceiver(worker));
        let path = std::env::temp_dir().join(format!("fe-descriptor-{}", std::process::id()));
        File::create(&path).unwrap().write_all(b"a,b\n1,2\n").unwrap();
        sender.send(&File::open(&path).unwrap()).unwrap();
        std::fs::remove_file(&path).unwrap();
        let mut text = String::new();
        receiver.receive().unwrap().read_to_string(&mut text).unwrap();
        assert_eq!(text, "a,b\n1,2\n", "the file was read after its path was removed");
    }

    #[test]
    fn a_closed_kernel_end_is_an_error_not_a_hang() {
        let (kernel, worker) = UnixStream::pair().unwrap();
        drop(kernel);
        let error = DescriptorReceiver(worker).receive().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
    }
}
