// The kernel's LLM state: settings, which provider answers, the HTTP client, the rate limit,
// the disk cache and the interrupt; runs provider calls on its own small async runtime.

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use super::llm_settings::{is_loopback, LlmSettings, ProviderChoice};
use crate::llm::anthropic::{self, AnthropicWire};
use crate::llm::builtin::{self, BuiltinProvider};
use crate::llm::cache::{CacheKey, CachedAnswer, ResponseCache};
use crate::llm::cancel::Interrupt;
use crate::llm::openai::{self, OpenAiWire};
use crate::llm::rate_limit::RequestRateLimit;
use crate::llm::retry::RetryPolicy;
use crate::llm::secret::ApiKey;
use crate::llm::{Answer, HttpProvider, HttpSettings, LlmError, LlmRequest, Progress, Provider};

/// Opening a connection may take this long (or `llm_timeout` if shorter).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The provider a call goes to, with what it needs and why it was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedProvider {
    pub kind: ProviderChoice,
    pub model: String,
    pub base_url: String,
    pub key_variable: String,
    /// Why `auto` chose it (empty when chosen by name).
    pub reason: String,
}

/// An answer with how it was obtained.
pub struct Asked {
    pub answer: Answer,
    pub cache_hit: bool,
    pub latency: Duration,
}

pub struct LlmSession {
    settings: Mutex<LlmSettings>,
    runtime: OnceLock<tokio::runtime::Runtime>,
    rate_limit: Mutex<Arc<RequestRateLimit>>,
    clients: Mutex<Vec<((Duration, bool), reqwest::Client)>>,
    interrupt: Interrupt,
    cache: ResponseCache,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl LlmSession {
    /// Settings from FEKERNEL_* variables (unusable ones are logged and skipped).
    pub fn from_environment() -> LlmSession {
        let (settings, problems) = LlmSettings::from_environment(|name| std::env::var(name).ok());
        for problem in problems {
            tracing::warn!("ignoring {}: {problem}", super::llm_settings::env_variable(&problem.key));
        }
        LlmSession::new(settings, ResponseCache::new(ResponseCache::default_dir()))
    }

    pub fn new(settings: LlmSettings, cache: ResponseCache) -> LlmSession {
        let rate_limit = Arc::new(RequestRateLimit::per_minute(settings.rate_limit));
        LlmSession {
            settings: Mutex::new(settings),
            runtime: OnceLock::new(),
            rate_limit: Mutex::new(rate_limit),
            clients: Mutex::new(Vec::new()),
            interrupt: Interrupt::default(),
            cache,
        }
    }

    pub fn settings(&self) -> LlmSettings {
        lock(&self.settings).clone()
    }

    pub fn set_settings(&self, settings: LlmSettings) {
        let mut rate_limit = lock(&self.rate_limit);
        if rate_limit.limit() != settings.rate_limit {
            *rate_limit = Arc::new(RequestRateLimit::per_minute(settings.rate_limit));
        }
        *lock(&self.settings) = settings;
    }

    pub fn cache_dir(&self) -> &std::path::Path {
        self.cache.dir()
    }

    /// Jupyter's interrupt; false when no call runs.
    pub fn interrupt(&self) -> bool {
        self.interrupt.raise()
    }

    /// Who answers, given the settings and a cell's `--provider`/`--model`.
    pub fn resolve(&self, settings: &LlmSettings, provider: Option<ProviderChoice>, model: Option<&str>) -> ResolvedProvider {
        let variable = |default: &str| settings.api_key_env.clone().unwrap_or_else(|| default.to_string());
        let has_key = |name: &str| ApiKey::from_env(name).is_some();
        let (kind, reason) = match provider.unwrap_or(settings.provider) {
            ProviderChoice::Auto if settings.base_url.is_some() => (ProviderChoice::OpenAi, "auto: base_url is set".to_string()),
            ProviderChoice::Auto if has_key(&variable(openai::DEFAULT_KEY_VARIABLE)) => {
                (ProviderChoice::OpenAi, format!("auto: {} is set", variable(openai::DEFAULT_KEY_VARIABLE)))
            }
            ProviderChoice::Auto if has_key(&variable(anthropic::DEFAULT_KEY_VARIABLE)) => {
                (ProviderChoice::Anthropic, format!("auto: {} is set", variable(anthropic::DEFAULT_KEY_VARIABLE)))
            }
            ProviderChoice::Auto => (
                ProviderChoice::Builtin,
                format!("auto: no base_url and neither {} nor {} is set", openai::DEFAULT_KEY_VARIABLE, anthropic::DEFAULT_KEY_VARIABLE),
            ),
            chosen => (chosen, String::new()),
        };
        let chosen_model = model.map(str::to_string).or_else(|| settings.model.clone());
        let (model, base_url, key_variable) = match kind {
            ProviderChoice::OpenAi => (
                chosen_model.unwrap_or_else(|| openai::DEFAULT_MODEL.into()),
                settings.base_url.clone().unwrap_or_else(|| openai::DEFAULT_BASE_URL.into()),
                variable(openai::DEFAULT_KEY_VARIABLE),
            ),
            ProviderChoice::Anthropic => (
                chosen_model.unwrap_or_else(|| anthropic::DEFAULT_MODEL.into()),
                settings.base_url.clone().unwrap_or_else(|| anthropic::DEFAULT_BASE_URL.into()),
                variable(anthropic::DEFAULT_KEY_VARIABLE),
            ),
            _ => (builtin::MODEL.into(), String::new(), String::new()),
        };
        ResolvedProvider { kind, model, base_url, key_variable, reason }
    }

    /// The provider for a resolved choice; a remote one needs its key.
    pub fn provider(&self, resolved: &ResolvedProvider, settings: &LlmSettings) -> Result<Box<dyn Provider>, LlmError> {
        if resolved.kind == ProviderChoice::Builtin {
            return Ok(Box::new(BuiltinProvider));
        }
        let loopback = is_loopback(&resolved.base_url);
        let key = ApiKey::from_env(&resolved.key_variable);
        if key.is_none() && !loopback {
            return Err(LlmError::NoKey { provider: resolved.kind.as_str(), variable: resolved.key_variable.clone() });
        }
        let connect_timeout = CONNECT_TIMEOUT.min(settings.llm_timeout);
        let http = HttpSettings {
            llm_timeout: settings.llm_timeout,
            connect_timeout,
            retry: RetryPolicy { retries: settings.retries },
        };
        let client = self.client(connect_timeout, loopback, &resolved.base_url)?;
        let rate_limit = lock(&self.rate_limit).clone();
        let interrupt = self.interrupt.clone();
        let provider: Box<dyn Provider> = match resolved.kind {
            ProviderChoice::Anthropic => Box::new(HttpProvider {
                wire: AnthropicWire { base_url: resolved.base_url.clone() },
                key,
                client,
                settings: http,
                rate_limit,
                interrupt,
            }),
            _ => Box::new(HttpProvider {
                wire: OpenAiWire { base_url: resolved.base_url.clone() },
                key,
                client,
                settings: http,
                rate_limit,
                interrupt,
            }),
        };
        Ok(provider)
    }

    fn client(&self, connect_timeout: Duration, loopback: bool, base_url: &str) -> Result<reqwest::Client, LlmError> {
        let mut clients = lock(&self.clients);
        if let Some((_, client)) = clients.iter().find(|(key, _)| *key == (connect_timeout, loopback)) {
            return Ok(client.clone());
        }
        let mut builder = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .user_agent(concat!("fekernel/", env!("CARGO_PKG_VERSION")));
        if loopback {
            // A proxy from the environment must not see requests to this machine's servers.
            builder = builder.no_proxy();
        }
        let client = builder
            .build()
            .map_err(|e| LlmError::BadBaseUrl { url: base_url.to_string(), reason: format!("cannot set up the HTTP client: {e}") })?;
        clients.push(((connect_timeout, loopback), client.clone()));
        Ok(client)
    }

    /// Asks `provider` (or the cache), streaming progress; Jupyter's interrupt stops it.
    pub fn ask(&self, provider: &dyn Provider, request: &LlmRequest, progress: &mut dyn Progress) -> Result<Asked, LlmError> {
        let settings = self.settings();
        let endpoint = provider.endpoint();
        let digest = CacheKey {
            provider: provider.name(),
            endpoint: &endpoint,
            model: &request.model,
            temperature: request.temperature,
            max_tokens: request.max_tokens,
            messages: &request.messages,
        }
        .digest();
        let cacheable = settings.cache && provider.name() != builtin::PROVIDER;
        let started = Instant::now();
        if cacheable {
            if let Some(cached) = self.cache.get(&digest) {
                progress.text(&cached.text);
                return Ok(Asked {
                    answer: Answer { text: cached.text, usage: cached.usage, model: cached.model, attempts: 0 },
                    cache_hit: true,
                    latency: started.elapsed(),
                });
            }
        }
        let _call = self.interrupt.begin();
        let runtime = self.runtime.get_or_init(|| {
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a current-thread runtime starts")
        });
        let answer = runtime.block_on(provider.complete(request, progress))?;
        let latency = started.elapsed();
        if cacheable {
            let stored = CachedAnswer {
                text: answer.text.clone(),
                usage: answer.usage,
                model: answer.model.clone(),
                created_unix_ms: chrono::Utc::now().timestamp_millis().max(0) as u64,
            };
            if let Err(e) = self.cache.put(&digest, &stored) {
                tracing::warn!("could not store the answer in the LLM cache {}: {e}", self.cache.dir().display());
            }
        }
        Ok(Asked { answer, cache_hit: false, latency })
    }
}
