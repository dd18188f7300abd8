// Page glue for the Emscripten build (trilemma.js + trilemma.wasm):
//   - checks for WebGL2 before downloading anything,
//   - downloads the wasm with a progress bar (Module.instantiateWasm),
//   - shows a plain message when something fails,
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
  function call(name, argTypes, args) {
    if (!appReady) throw new Error('Trilemma Lab is not ready yet (await window.trilemmaReady)');
    return JSON.parse(Module.ccall(name, 'string', argTypes, args));
  }
  window.trilemma = {
    ready: () => appReady,
    state: () => call('trilemma_state_json', [], []),
    command: (cmd) => call('trilemma_command', ['string'],
                           [typeof cmd === 'string' ? cmd : JSON.stringify(cmd)]),
  };

  function showError(message, hint) {
    if (failed) return;
    failed = true;
    console.error('Trilemma Lab: ' + message);
    $('error-text').textContent = message;
    $('error-hint').textContent = hint || 'Reload the page to try again.';
    $('error').hidden = false;
    loader.hidden = true;
    canvas.style.visibility = 'hidden';
    rejectReady(new Error(message));
  }

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
      showError('The app stopped unexpectedly (' + what + ').');
    },
  };

  // --- Files, clipboard and history (called from app/browser.cpp).
  const MAX_FILE_BYTES = 1024 * 1024; // larger files are refused by name and size alone
  function toApp(fn, types, args) {
    if (appReady) Module.ccall(fn, null, types, args);
  }
  function sendFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      // The app reports the size; the content is not read.
      toApp('trilemma_on_file', ['string', 'string', 'number'], [file.name, '', file.size]);
      return;
    }
    file.text().then((text) => toApp('trilemma_on_file', ['string', 'string', 'number'], [file.name, text, file.size]))
      .catch((e) => console.warn('Trilemma Lab: cannot read ' + file.name + ': ' + e));
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
  // scenario file's text goes through the page's paste event.
  document.addEventListener('paste', (e) => {
    const text = e.clipboardData && e.clipboardData.getData('text');
    if (text) { e.preventDefault(); toApp('trilemma_on_paste', ['string'], [text]); }
  });
  window.addEventListener('dragover', (e) => { e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) sendFile(e.dataTransfer.files[0]);
  });
  // Back and Forward move through the scenarios (each change adds a history entry).
  window.addEventListener('popstate', () => {
    toApp('trilemma_on_history', ['string'], [decodeURIComponent(location.hash.slice(1))]);
  });

  // Keyboard input goes to the canvas: keep it focused when used.
  canvas.addEventListener('pointerdown', () => canvas.focus());
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
