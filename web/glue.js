// Page glue for the Emscripten build (trilemma.js + trilemma.wasm):
//   - checks for WebGL2 before downloading anything,
//   - downloads the wasm with a progress bar (Module.instantiateWasm),
//   - shows a plain message when something fails (any uncaught error too),
//     with a button that downloads the saved work straight from storage,
//   - checks every file, paste and link before it reaches the wasm heap
//     (size, binary content, malformed percent-encoding),
//   - keeps the app's storage (Module.page): local storage for the scenario
//     library, session storage for this tab, claims on library entries,
//   - exposes the test hook window.trilemma and the promise window.trilemmaReady.
// The app calls Module.onAppReady() after its first rendered frame and
// Module.onAppError(message) when it cannot start (app/platform.cpp).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');
  const loader = $('loader');
  const loaderBar = $('loader-bar');
  const loaderText = $('loader-text');

  let appReady = false;
  let failed = false;
  let resolveReady, rejectReady;
  const readyPromise = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  readyPromise.catch(() => {}); // failures are shown on the page; no unhandled rejection
  window.trilemmaReady = readyPromise;

  // --- Test hook. ImGui draws to a canvas: tests read state and drive the app here.
  function call(name, text) {
    if (!appReady) throw new Error('Trilemma Lab is not ready yet (await window.trilemmaReady)');
    if (text === undefined) return JSON.parse(Module.ccall(name, 'string', [], []));
    return JSON.parse(withCStrings([text], (p) => Module.ccall(name, 'string', ['number'], p)));
  }
  window.trilemma = {
    ready: () => appReady,
    state: () => call('trilemma_state_json'),
    command: (cmd) => call('trilemma_command', typeof cmd === 'string' ? cmd : JSON.stringify(cmd)),
  };

  // Strings for the app go through the heap: ccall puts 'string' arguments
  // on the wasm stack, which a long paste overflowed ("memory access out of
  // bounds"). Calls fn(pointers) and frees them.
  function withCStrings(strings, fn) {
    const pointers = [];
    try {
      for (const s of strings) {
        const n = Module.lengthBytesUTF8(s) + 1;
        const p = Module._malloc(n);
        if (!p) throw new Error('out of memory for ' + n + ' bytes of input');
        pointers.push(p);
        Module.stringToUTF8(s, p, n);
      }
      return fn(pointers);
    } finally {
      for (const p of pointers) Module._free(p);
    }
  }

  // Text quoted in a message is cut: an error may carry a megabyte of input.
  const cut = (text, max = 200) => { text = String(text); return text.length > max ? text.slice(0, max) + '…' : text; };

  // --- Storage (the app's, through Module.page; the error box's recovery).
  // Every access is guarded: storage can be disabled, full, or throw in a
  // private window, and a failure must never stop the page.
  const KEY_PREFIX = 'trilemma-lab.';
  const CLAIM_PREFIX = 'trilemma-lab.claim.';
  const CLAIM_FRESH_MS = 20000;  // a claim not refreshed for this long is free (tab closed or long asleep)
  function storageGet(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function storageSet(key, value) {
    try { localStorage.setItem(key, value); return true; } catch (e) { console.warn('Trilemma Lab: cannot save to local storage: ' + e); return false; }
  }
  function storageRemove(key) { try { localStorage.removeItem(key); } catch (e) { /* nothing to keep */ } }
  function storageKeys(prefix) {
    const keys = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k !== null && k.startsWith(prefix)) keys.push(k);
      }
    } catch (e) { /* storage disabled: nothing kept */ }
    return keys;
  }
  function storageUsed(prefix) {
    let n = 0;
    for (const k of storageKeys(prefix)) n += k.length + (storageGet(k) || '').length;
    return n;
  }
  function sessionGet(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } }
  function sessionSet(key, value) { try { sessionStorage.setItem(key, value); } catch (e) { /* a reload starts afresh */ } }
  // A new id per page load (not per tab): a duplicated tab, which copies
  // session storage, is then told apart from the tab it came from.
  const tabId = Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
  let claimed = '';
  // Another tab holds the entry: its claim is fresh. A time ahead of the
  // clock (set back since, or damaged) is no claim: it would hold the entry
  // for hours, and two tabs would then write one entry.
  function heldByOther(entry) {
    const v = storageGet(CLAIM_PREFIX + entry);
    if (!v) return false;
    const [tab, time] = v.split(' ');
    const age = Date.now() - Number(time);
    return tab !== tabId && age > -CLAIM_FRESH_MS && age < CLAIM_FRESH_MS;
  }
  function writeClaim() {
    if (!claimed || heldByOther(claimed)) return;
    storageSet(CLAIM_PREFIX + claimed, tabId + ' ' + Date.now());
  }
  function dropClaim() {
    const v = claimed && storageGet(CLAIM_PREFIX + claimed);
    if (v && v.split(' ')[0] === tabId) storageRemove(CLAIM_PREFIX + claimed);
  }
  setInterval(writeClaim, 3000);
  // Everything the app keeps, exactly as stored (JSON escapes what text cannot hold).
  function savedWork() {
    const values = {};
    for (const k of storageKeys(KEY_PREFIX)) if (!k.startsWith(CLAIM_PREFIX)) values[k] = storageGet(k);
    return values;
  }
  function downloadText(name, text, type) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function downloadSavedWork() {
    downloadText('trilemma-lab-saved-work.json', JSON.stringify({
      format: 'trilemma-lab/saved-work', saved: new Date().toISOString(),
      note: 'Every value Trilemma Lab kept in this browser, as stored. Library entries hold a scenario file in "scenario".',
      values: savedWork(),
    }, null, 1), 'application/json');
  }
  $('error-download').addEventListener('click', downloadSavedWork);
  $('error-reload').addEventListener('click', () => location.reload());

  // fatal: the app stopped after it had started (not "cannot start").
  function showError(message, hint, fatal) {
    if (failed) return;
    failed = true;
    console.error('Trilemma Lab: ' + message);
    $('error-title').textContent = fatal ? 'Trilemma Lab stopped' : 'Trilemma Lab cannot start';
    $('error-text').textContent = message;
    $('error-hint').textContent = hint || 'Reload the page to try again.';
    const saved = Object.keys(savedWork()).length;
    $('error-saved').hidden = $('error-download').hidden = saved === 0;
    $('error-saved').textContent = 'Your saved work (' + saved + ' value' + (saved === 1 ? '' : 's') +
      ') is still in this browser. Download a copy before reloading if you want to be sure of it.';
    $('error').hidden = false;
    loader.hidden = true;
    canvas.style.visibility = 'hidden';
    rejectReady(new Error(message));
  }
  // Any uncaught error: the page says so and offers the saved work, rather
  // than freezing on a canvas that no longer draws.
  window.addEventListener('error', (e) => {
    showError('The app stopped unexpectedly (' + cut(e.message || (e.error && e.error.message) || 'unknown error') + ').',
              'Reload the page to continue.', appReady);
  });
  window.addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    showError('The app stopped unexpectedly (' + cut((r && r.message) || r || 'unknown error') + ').',
              'Reload the page to continue.', appReady);
  });

  function setProgress(fraction, text) {
    if (fraction !== null) loaderBar.style.width = Math.round(Math.min(1, Math.max(0, fraction)) * 100) + '%';
    if (text) loaderText.textContent = text;
  }

  const mb = (bytes) => (bytes / 1e6).toFixed(1);

  // Downloads `url` as an ArrayBuffer, reporting progress. (XHR rather than a
  // fetch body reader: Chromium reports a streamed-and-rewrapped fetch as
  // aborted now and then, which would look like a failed request.)
  function download(url, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.responseType = 'arraybuffer';
      xhr.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
      xhr.onload = () => (xhr.status === 200 ? resolve(xhr.response)
                                             : reject(new Error(url + ': HTTP ' + xhr.status)));
      xhr.onerror = () => reject(new Error(url + ': network error'));
      xhr.send();
    });
  }

  // --- WebGL2 first: without it nothing can draw.
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    showError('This browser cannot show Trilemma Lab: WebGL 2 is not available.',
              'Use a current version of Firefox, Chrome, Edge or Safari, and check that ' +
              'hardware acceleration is enabled in the browser settings.');
    return;
  }
  const lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();

  // --- Emscripten module configuration (read by trilemma.js).
  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: () => {},
    instantiateWasm(imports, receiveInstance) {
      const progress = (loaded, total) => setProgress(total ? loaded / total : null,
        total ? 'Loading ' + mb(loaded) + ' of ' + mb(total) + ' MB' : 'Loading ' + mb(loaded) + ' MB');
      download('trilemma.wasm', progress)
        .then((bytes) => { setProgress(1, 'Starting…'); return WebAssembly.instantiate(bytes, imports); })
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((e) => showError('The app could not be loaded (' + (e && e.message || e) + ').'));
      return {}; // asynchronous instantiation
    },
    onAppReady() {
      appReady = true;
      loader.classList.add('done');
      setTimeout(() => { loader.hidden = true; }, 300);
      canvas.focus();
      resolveReady(true);
    },
    onAppError(message) {
      showError('The app could not start: ' + message + '.');
    },
    onAbort(what) {
      showError('The app stopped unexpectedly (' + cut(what) + ').', 'Reload the page to continue.', appReady);
    },
    // The storage and page the app uses (app/browser.cpp). None of these throws.
    page: {
      fragment: readFragment,
      navigationType() {
        try { return performance.getEntriesByType('navigation')[0].type || 'navigate'; } catch (e) { return 'navigate'; }
      },
      storageGet, storageSet, storageRemove, storageKeys, storageUsed, sessionGet, sessionSet,
      tabId: () => tabId,
      claim(entry) { dropClaim(); claimed = entry; writeClaim(); },
      claimedElsewhere: heldByOther,
      // A stored value copied as it is (never through the wasm heap, where a NUL or a lone surrogate would change it).
      storageCopy(from, to) {
        const v = storageGet(from);
        return v !== null && storageSet(to, v) && storageGet(to) === v;
      },
      downloadStored(key, name) {
        downloadText(name.replace(/\.txt$/, '.json'), JSON.stringify({ key, value: storageGet(key) }), 'application/json');
      },
      setTextInput,
    },
  };

  // --- Files, clipboard and history (called from app/browser.cpp).
  // Limits, checked here so that nothing larger reaches the wasm heap: the
  // app reads at most kMaxInputBytes (app/browser.h) of a file or a paste,
  // and a link's fragment of at most kMaxFragmentChars.
  const MAX_INPUT_BYTES = 1024 * 1024;
  const MAX_FRAGMENT_CHARS = 600 * 1024;
  const stripBom = (text) => (text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text);
  function toApp(fn, strings, numbers = []) {
    if (!appReady || failed) return;
    withCStrings(strings, (p) => Module.ccall(fn, null, [...p.map(() => 'number'), ...numbers.map(() => 'number')],
                                               [...p, ...numbers]));
  }
  const refused = (source, reason, size) => toApp('trilemma_on_refused', [source, reason], [size]);
  // A link whose code came as a query ("?s=…", "?guide=…": forms and some
  // chats rewrite '#') opens as its fragment form would; the query leaves the
  // address, so it never disagrees with the fragment the app keeps there.
  // Other parameters (a tracker's "?fbclid=…&s=…", "?utm_source=…#s=…") go too:
  // the app reads none.
  if (location.search) {
    const m = /[?&](s|guide)=([^&]*)/i.exec(location.search);
    try {
      history.replaceState(history.state, '', location.pathname + (location.hash || (m ? '#' + m[1] + '=' + m[2] : '')));
    } catch (e) { /* an address the browser will not set: the page opens without the link */ }
  }
  // The fragment, percent-decoded; {problem} instead when it cannot be
  // (decodeURIComponent throws URIError on a stray '%') or is too long.
  // What chats and trackers do to a link is undone here, the one place the
  // app reads an address from: the key capitalised ("#S=…") and parameters
  // appended ("#s=…&utm_source=x"; no code or guide holds '&').
  function asSent(text) {
    const m = /^(s|guide)=([^&]*)/i.exec(text);
    return m ? m[1].toLowerCase() + '=' + m[2] : text;
  }
  function readFragment() {
    const raw = location.hash.slice(1);
    if (raw.length > MAX_FRAGMENT_CHARS) return { text: '', problem: 'too-long:' + raw.length };
    try { return { text: asSent(decodeURIComponent(raw)), problem: '' }; } catch (e) { return { text: '', problem: 'malformed' }; }
  }
  function sendFile(file) {
    if (!file) return;
    const name = cut(file.name || 'without a name', 120);
    if (file.size > MAX_INPUT_BYTES) { refused('file ' + name, 'too-large', file.size); return; }  // not read
    file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      let text;
      // Not UTF-8, or NUL bytes: a binary file (an image, a zip), refused by name.
      try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (e) { text = null; }
      if (text === null || text.indexOf('\0') >= 0) { refused('file ' + name, 'binary', file.size); return; }
      toApp('trilemma_on_file', [name, stripBom(text)]);
    }).catch(() => refused('file ' + name, 'unreadable', file.size));
  }
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = '.json,application/json';
  picker.style.display = 'none';
  picker.addEventListener('change', () => { sendFile(picker.files[0]); picker.value = ''; });
  document.body.appendChild(picker);
  Module.openFilePicker = () => picker.click();
  Module.downloadBlob = (name, blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  };
  Module.downloadPng = (name, w, h, bytes) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    c.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(bytes.buffer), w, h), 0, 0);
    c.toBlob((blob) => Module.downloadBlob(name, blob), 'image/png');
  };
  // The printable summary: the screen's pixels become a PNG inside the page.
  Module.downloadHtmlWithImage = (name, html, w, h, bytes) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    c.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(bytes.buffer), w, h), 0, 0);
    const page = html.replace('<img id="charts"', `<img id="charts" src="${c.toDataURL('image/png')}"`);
    Module.downloadBlob(name, new Blob([page], { type: 'text/html' }));
  };
  function fallbackCopy(text) {
    const t = document.createElement('textarea');
    t.value = text;
    t.style.position = 'fixed';
    t.style.opacity = '0';
    document.body.appendChild(t);
    t.select();
    try { document.execCommand('copy'); } catch (e) { /* the link stays visible in the dialog */ }
    t.remove();
    canvas.focus();
  }
  Module.copyText = (text) => {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(() => fallbackCopy(text));
    } else {
      fallbackCopy(text);
    }
  };
  // The phone's share sheet (Web Share API) for a link; the app offers it only
  // where the browser has one. A cancelled share is not an error.
  Module.webShare = {
    available: () => typeof navigator.share === 'function',
    share: (title, url) => { navigator.share({ title, url }).catch(() => {}); },
  };
  // SDL's Emscripten port has no clipboard: pasting a share link or a
  // scenario file's text goes through the page's paste event. A pasted file
  // (copied in a file manager) is read like a dropped one.
  document.addEventListener('paste', (e) => {
    const data = e.clipboardData;
    if (!data) return;
    const text = data.getData('text');
    if (!text) {
      if (data.files && data.files.length) { e.preventDefault(); sendFile(data.files[0]); }
      return;
    }
    e.preventDefault();
    // Counted in characters before anything is copied: 20 million of them
    // would need 60 MB of heap (and once overflowed the stack).
    if (text.length > MAX_INPUT_BYTES) { refused('pasted text', 'too-large', text.length); return; }
    const clean = stripBom(text);
    if (Module.lengthBytesUTF8(clean) > MAX_INPUT_BYTES) { refused('pasted text', 'too-large', clean.length); return; }
    // A NUL would end the C string the app reads, and the lines after it
    // would vanish unsaid: refused, naming its line (the size argument).
    const nul = clean.indexOf('\0');
    if (nul >= 0) { refused('pasted text', 'nul', clean.slice(0, nul).split('\n').length); return; }
    toApp('trilemma_on_paste', [clean]);
  });
  window.addEventListener('dragover', (e) => { e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) sendFile(e.dataTransfer.files[0]);
  });
  // Back and Forward move through the scenarios (each change adds a history
  // entry); a link typed into the address bar arrives here too.
  window.addEventListener('popstate', () => {
    const f = readFragment();
    toApp('trilemma_on_history', [f.text, f.problem]);
  });
  // Stored before the page goes away or out of sight (the app also stores
  // every change before its next frame; this catches anything in between).
  function flush() {
    if (appReady && !failed) {
      try { Module.ccall('trilemma_flush', null, [], []); } catch (e) { /* the error box is up */ }
    }
  }
  window.addEventListener('pagehide', () => { flush(); dropClaim(); });
  window.addEventListener('pageshow', (e) => { if (e.persisted) writeClaim(); });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); else writeClaim(); });

  // --- Typing into the app's text fields (app/browser.h). While ImGui edits
  // a field, the keyboard's focus is a hidden textarea: a phone shows its
  // keyboard only for a text element, and IMEs, dead keys and emoji arrive
  // only as its input events. It holds one space, so that a phone keyboard's
  // Backspace, which comes as an input event deleting it, has something to
  // delete; text typed after it goes to the app, and the space is put back.
  const textInput = $('text-input');
  const SENTINEL = ' ';
  const resetText = () => { textInput.value = SENTINEL; textInput.setSelectionRange(1, 1); };
  const fieldAt = (e) => {
    if (!appReady || failed) return false;
    try { return Module.ccall('trilemma_text_field_at', 'number', ['number', 'number'], [e.clientX, e.clientY]) === 1; } catch (x) { return false; }
  };
  function focusText() {
    if (document.activeElement !== textInput) { resetText(); textInput.focus({ preventScroll: true }); }
  }
  function setTextInput(on) {
    if (on) focusText();
    else if (document.activeElement === textInput) canvas.focus({ preventScroll: true });
  }
  // What was typed after the sentinel goes to the app.
  function sendTyped() {
    const v = textInput.value, text = v.startsWith(SENTINEL) ? v.slice(SENTINEL.length) : v;
    if (text && appReady && !failed) toApp('trilemma_on_text', [text]);
  }
  // SDL scancodes of the keys that edit a field (SDL_scancode.h).
  const SCANCODES = { Backspace: 42, Delete: 76, Enter: 40, Tab: 43, Escape: 41, ArrowLeft: 80, ArrowRight: 79,
    ArrowUp: 82, ArrowDown: 81, Home: 74, End: 77, a: 4, z: 29, y: 28 };
  const mods = (e) => (e.shiftKey ? 0x1 : 0) | (e.ctrlKey ? 0x40 : 0) | (e.altKey ? 0x100 : 0) | (e.metaKey ? 0x400 : 0);
  const keyToApp = (code, down, m) => {
    if (appReady && !failed) Module.ccall('trilemma_on_key', null, ['number', 'number', 'number'], [code, down ? 1 : 0, m]);
  };
  const tapKey = (code) => { keyToApp(code, true, 0); keyToApp(code, false, 0); };
  function toKey(e, down) {
    const code = SCANCODES[e.key.length === 1 ? e.key.toLowerCase() : e.key];
    // Letters only with Ctrl or Cmd (select all, undo, redo); typed letters are input events.
    if (!code || (e.key.length === 1 && !e.ctrlKey && !e.metaKey) || e.isComposing || e.keyCode === 229) return false;
    keyToApp(code, down, down ? mods(e) : 0);
    return true;
  }
  textInput.addEventListener('keydown', (e) => { if (toKey(e, true)) e.preventDefault(); });
  textInput.addEventListener('keyup', (e) => { if (toKey(e, false)) e.preventDefault(); });
  textInput.addEventListener('input', (e) => {
    if (e.isComposing) return;  // an IME's word is sent when it is chosen (compositionend)
    const type = e.inputType || '';
    if (type.startsWith('delete')) {
      tapKey(SCANCODES.Backspace);  // a phone keyboard's Backspace
    } else if (type === 'insertLineBreak' || type === 'insertParagraph') {
      tapKey(SCANCODES.Enter);
    } else if (type !== 'insertFromPaste' && type !== 'insertFromDrop') {  // pastes arrive through the paste event
      sendTyped();
    }
    resetText();
  });
  textInput.addEventListener('compositionend', () => { sendTyped(); resetText(); });

  // Keyboard input goes to the canvas: keep it focused when used, except on
  // a text field, where a tap focuses the textarea (within the tap's event:
  // iOS shows the keyboard for no later focus).
  canvas.addEventListener('pointerdown', (e) => { if (!fieldAt(e)) canvas.focus(); });
  canvas.addEventListener('pointerup', (e) => { if (fieldAt(e)) focusText(); });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // Losing the GL context (GPU reset, too many tabs) leaves a blank canvas.
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    showError('The graphics context was lost.', 'Reload the page to continue.');
  });

  // --- Load the app.
  setProgress(0, 'Loading…');
  const script = document.createElement('script');
  script.src = 'trilemma.js';
  script.async = true;
  script.onerror = () => showError('The app could not be loaded (trilemma.js is missing).');
  document.body.appendChild(script);
})();
