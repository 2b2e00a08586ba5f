// Comms: named targets other parts of the kernel register, the comms the front end
// opens on them, and `comm_info` answers.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use serde_json::{json, Map, Value};
use tokio::sync::mpsc;

use super::publisher::Outgoing;

/// A comm target: called on the shell thread, so handlers must not block.
pub trait CommTarget: Send + Sync {
    fn open(&self, comm: &Comm, data: &Map<String, Value>);
    fn message(&self, comm: &Comm, data: &Map<String, Value>);
    fn close(&self, comm: &Comm, data: &Map<String, Value>);
}

/// One open comm, bound to the request being handled (its messages carry that parent).
#[derive(Clone)]
#[allow(dead_code)] // the API comm targets use; the first targets come with later issues
pub struct Comm {
    id: String,
    target_name: String,
    iopub: mpsc::UnboundedSender<Outgoing>,
    parent: Arc<Value>,
    open_comms: Arc<Mutex<HashMap<String, String>>>,
}

#[allow(dead_code)]
impl Comm {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn target_name(&self) -> &str {
        &self.target_name
    }

    /// Sends `comm_msg` to the front end.
    pub fn send(&self, data: Map<String, Value>) {
        self.publish("comm_msg", json!({"comm_id": self.id, "data": data}));
    }

    /// Closes the comm from the kernel side.
    pub fn close(&self, data: Map<String, Value>) {
        lock(&self.open_comms).remove(&self.id);
        self.publish("comm_close", json!({"comm_id": self.id, "data": data}));
    }

    fn publish(&self, msg_type: &str, content: Value) {
        let _ = self.iopub.send(Outgoing { msg_type: msg_type.into(), content, parent: self.parent.clone() });
    }
}

#[derive(Default)]
pub struct CommRegistry {
    targets: RwLock<HashMap<String, Arc<dyn CommTarget>>>,
    /// comm_id → target_name
    open_comms: Arc<Mutex<HashMap<String, String>>>,
}

#[allow(dead_code)] // register/unregister are for the parts of the kernel that add targets
impl CommRegistry {
    pub fn new() -> Arc<Self> {
        Arc::new(CommRegistry::default())
    }

    pub fn register_target(&self, name: &str, target: Arc<dyn CommTarget>) {
        self.targets.write().unwrap_or_else(|e| e.into_inner()).insert(name.to_string(), target);
    }

    pub fn unregister_target(&self, name: &str) {
        self.targets.write().unwrap_or_else(|e| e.into_inner()).remove(name);
    }

    /// Open comms as `comm_id → target_name`, optionally only those of one target.
    pub fn open_comms(&self, target_name: Option<&str>) -> HashMap<String, String> {
        lock(&self.open_comms)
            .iter()
            .filter(|(_, target)| target_name.is_none_or(|t| t == target.as_str()))
            .map(|(id, target)| (id.clone(), target.clone()))
            .collect()
    }

    fn target(&self, name: &str) -> Option<Arc<dyn CommTarget>> {
        self.targets.read().unwrap_or_else(|e| e.into_inner()).get(name).cloned()
    }

    fn comm(&self, id: &str, target_name: &str, iopub: &mpsc::UnboundedSender<Outgoing>, parent: &Arc<Value>) -> Comm {
        Comm {
            id: id.to_string(),
            target_name: target_name.to_string(),
            iopub: iopub.clone(),
            parent: parent.clone(),
            open_comms: self.open_comms.clone(),
        }
    }

    /// `comm_open` from the front end. An unknown target gets a `comm_close` back.
    pub(crate) fn open_from_front_end(
        &self,
        content: &Value,
        iopub: &mpsc::UnboundedSender<Outgoing>,
        parent: &Arc<Value>,
    ) {
        let (Some(id), Some(target_name)) =
            (content["comm_id"].as_str(), content["target_name"].as_str())
        else {
            tracing::warn!("comm_open without comm_id or target_name; ignored");
            return;
        };
        let data = data_of(content);
        let comm = self.comm(id, target_name, iopub, parent);
        match self.target(target_name) {
            Some(target) => {
                lock(&self.open_comms).insert(id.to_string(), target_name.to_string());
                target.open(&comm, &data);
            }
            None => {
                tracing::info!(target_name, "comm_open for an unknown target; closing it");
                comm.publish("comm_close", json!({"comm_id": id, "data": {}}));
            }
        }
    }

    pub(crate) fn message_from_front_end(
        &self,
        content: &Value,
        iopub: &mpsc::UnboundedSender<Outgoing>,
        parent: &Arc<Value>,
    ) {
        let Some((comm, target)) = self.known_comm(content, iopub, parent) else { return };
        target.message(&comm, &data_of(content));
    }

    pub(crate) fn close_from_front_end(
        &self,
        content: &Value,
        iopub: &mpsc::UnboundedSender<Outgoing>,
        parent: &Arc<Value>,
    ) {
        let Some((comm, target)) = self.known_comm(content, iopub, parent) else { return };
        lock(&self.open_comms).remove(comm.id());
        target.close(&comm, &data_of(content));
    }

    fn known_comm(
        &self,
        content: &Value,
        iopub: &mpsc::UnboundedSender<Outgoing>,
        parent: &Arc<Value>,
    ) -> Option<(Comm, Arc<dyn CommTarget>)> {
        let id = content["comm_id"].as_str()?;
        let target_name = lock(&self.open_comms).get(id).cloned();
        let Some(target_name) = target_name else {
            tracing::info!(comm_id = id, "message for a comm that is not open; ignored");
            return None;
        };
        let target = self.target(&target_name)?;
        Some((self.comm(id, &target_name, iopub, parent), target))
    }
}

fn data_of(content: &Value) -> Map<String, Value> {
    content.get("data").and_then(Value::as_object).cloned().unwrap_or_default()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Echoes every message back and records what it saw.
    #[derive(Default)]
    struct Echo {
        seen: Mutex<Vec<String>>,
    }

    impl CommTarget for Echo {
        fn open(&self, comm: &Comm, _: &Map<String, Value>) {
            self.seen.lock().unwrap().push(format!("open {}", comm.id()));
        }
        fn message(&self, comm: &Comm, data: &Map<String, Value>) {
            self.seen.lock().unwrap().push("msg".into());
            comm.send(data.clone());
        }
        fn close(&self, _: &Comm, _: &Map<String, Value>) {
            self.seen.lock().unwrap().push("close".into());
        }
    }

    #[test]
    fn comms_open_talk_and_close() {
        let registry = CommRegistry::new();
        let echo = Arc::new(Echo::default());
        registry.register_target("echo", echo.clone());
        let (iopub, mut published) = mpsc::unbounded_channel();
        let parent = Arc::new(json!({"msg_id": "p"}));

        registry.open_from_front_end(&json!({"comm_id": "c1", "target_name": "echo", "data": {}}), &iopub, &parent);
        assert_eq!(registry.open_comms(None).get("c1").map(String::as_str), Some("echo"));
        assert!(registry.open_comms(Some("other")).is_empty());

        registry.message_from_front_end(&json!({"comm_id": "c1", "data": {"x": 1}}), &iopub, &parent);
        let echoed = published.try_recv().unwrap();
        assert_eq!(echoed.msg_type, "comm_msg");
        assert_eq!(echoed.content["data"]["x"], 1);

        registry.close_from_front_end(&json!({"comm_id": "c1", "data": {}}), &iopub, &parent);
        assert!(registry.open_comms(None).is_empty());
        assert_eq!(*echo.seen.lock().unwrap(), vec!["open c1", "msg", "close"]);
    }

    #[test]
    fn unknown_target_is_closed_back() {
        let registry = CommRegistry::new();
        let (iopub, mut published) = mpsc::unbounded_channel();
        let parent = Arc::new(json!({}));
        registry.open_from_front_end(&json!({"comm_id": "c9", "target_name": "nope", "data": {}}), &iopub, &parent);
        let reply = published.try_recv().unwrap();
        assert_eq!(reply.msg_type, "comm_close");
        assert_eq!(reply.content["comm_id"], "c9");
        assert!(registry.open_comms(None).is_empty());
    }
}
