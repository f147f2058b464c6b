// Tsuzuku's swipe player: one full-screen vertical video, swipe up (or arrow keys / wheel) for the
// next episode, autoplay next, an episode grid, subtitles on by default, resume where you left off.
// No build step and no CDN: hls.js comes from the same server (/watch/hls.min.js).
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var video = $('player');
  var store = {
    get: function (k, d) { try { var v = localStorage.getItem('tsuzuku.' + k); return v === null ? d : JSON.parse(v); } catch (e) { return d; } },
    set: function (k, v) { try { localStorage.setItem('tsuzuku.' + k, JSON.stringify(v)); } catch (e) { /* private mode */ } }
  };
  var state = { catalogue: null, series: null, index: -1, hls: null, skew: 0, lastSave: 0, wheelAt: 0 };
  var subsOn = store.get('subs', true);

  function episodes() { return state.series ? state.series.episodes : []; }
  function current() { return episodes()[state.index]; }

  function load() {
    fetch('/api/catalogue', { cache: 'no-cache' }).then(function (r) { return r.json(); }).then(function (c) {
      state.catalogue = c;
      state.skew = Date.parse(c.now) - Date.now();
      var wanted = new URLSearchParams(location.search).get('series') || store.get('series', null);
      var list = c.series.filter(function (s) { return s.episodes.length > 0; });
      var pick = c.series.filter(function (s) { return s.id === wanted; })[0] || list[0] || c.series[0];
      chooseSeries(pick, true);
    }).catch(function () { document.body.dataset.state = 'offline'; $('empty').textContent = 'Cannot reach the server.'; $('empty').hidden = false; });
  }

  function chooseSeries(series, resume) {
    state.series = series || null;
    renderTabs();
    if (!series || series.episodes.length === 0) {
      $('empty').hidden = false;
      document.body.dataset.state = 'empty';
      showCountdown();
      return;
    }
    $('empty').hidden = true;
    store.set('series', series.id);
    var saved = resume ? store.get('resume.' + series.id, null) : null;
    var at = 0, i = 0;
    if (saved) {
      var found = series.episodes.findIndex(function (e) { return e.number === saved.episode; });
      if (found >= 0) { i = found; at = saved.time || 0; }
    }
    play(i, at);
  }

  // An episode starts at 0:00, its cold open; only resuming returns to a later moment.
  function play(i, at) {
    var list = episodes();
    if (i < 0 || i >= list.length) { return; }
    var ep = list[i];
    state.index = i;
    if (state.hls) { state.hls.destroy(); state.hls = null; }
    // a removed <track> can leave its cues on screen: switch every old track off first
    for (var t = 0; t < video.textTracks.length; t++) { video.textTracks[t].mode = 'disabled'; }
    while (video.firstChild) { video.removeChild(video.firstChild); }
    video.poster = ep.poster || '';
    if (ep.vtt) {
      var track = document.createElement('track');
      track.kind = 'subtitles';
      track.label = state.series.language || 'subtitles';
      track.srclang = state.series.language || 'en';
      track.src = ep.vtt;
      track.default = subsOn;
      video.appendChild(track);
    }
    // hls.js where Media Source Extensions exist (it picks the rung by size and bandwidth), else
    // the browser's own HLS (Safari on iPhone), else the MP4
    var native = !!video.canPlayType('application/vnd.apple.mpegurl');
    var mse = !!(window.Hls && window.Hls.isSupported());
    if (ep.hls && mse) {
      state.hls = new window.Hls({ capLevelToPlayerSize: true, startLevel: -1 });
      state.hls.on(window.Hls.Events.ERROR, function (_, data) {
        if (data.fatal) { state.hls.destroy(); state.hls = null; video.src = ep.mp4; start(at); }
      });
      state.hls.loadSource(ep.hls);
      state.hls.attachMedia(video);
    } else if (ep.hls && native) {
      video.src = ep.hls;
    } else {
      video.src = ep.mp4;
    }
    document.body.dataset.episode = String(ep.number);
    document.body.dataset.source = state.hls ? 'hls.js' : (ep.hls && native ? 'hls' : 'mp4');
    document.body.dataset.state = 'playing';
    $('title').textContent = state.series.title + ' \u00b7 ' + ep.number + '. ' + ep.title;
    $('end').hidden = true;
    $('swipe-hint').hidden = i + 1 >= list.length || store.get('swiped', false);
    applySubs();
    renderGrid();
    start(at);
    save(true);
  }

  function start(at) {
    var go = function () {
      if (at > 0 && isFinite(at)) { try { video.currentTime = at; } catch (e) { /* not seekable yet */ } }
      var p = video.play();
      if (p && p.catch) {
        p.catch(function () { video.muted = true; $('sound').hidden = false; video.play().catch(function () { /* waits for a tap */ }); });
      }
    };
    if (video.readyState >= 1) { go(); } else { video.addEventListener('loadedmetadata', go, { once: true }); }
  }

  function next() {
    if (state.index + 1 < episodes().length) { store.set('swiped', true); leave(function () { play(state.index + 1, 0); }); }
    else { showEnd(); }
  }
  function previous() {
    if (state.index > 0) { leave(function () { play(state.index - 1, 0); }); }
  }
  function leave(then) {
    var stage = $('stage');
    stage.classList.add('leaving');
    setTimeout(function () { stage.classList.remove('leaving'); then(); }, 180);
  }

  function showEnd() {
    var drop = nextDropIn();
    $('end').textContent = drop === null ? 'You are all caught up.' : 'You are all caught up. Next episode in ' + clock(drop) + '.';
    $('end').hidden = false;
  }

  // ---- subtitles ----
  function applySubs() {
    var ours = video.querySelector('track');
    for (var t = 0; t < video.textTracks.length; t++) {
      var mine = ours && ours.track === video.textTracks[t];
      video.textTracks[t].mode = mine ? (subsOn ? 'showing' : 'hidden') : 'disabled';
    }
    $('subs').setAttribute('aria-pressed', String(subsOn));
  }
  $('subs').addEventListener('click', function () { subsOn = !subsOn; store.set('subs', subsOn); applySubs(); });
  video.textTracks.addEventListener && video.textTracks.addEventListener('addtrack', applySubs);

  // ---- resume ----
  function save(force) {
    var ep = current();
    if (!ep || !state.series) { return; }
    var now = Date.now();
    if (!force && now - state.lastSave < 1000) { return; }
    state.lastSave = now;
    store.set('resume.' + state.series.id, { episode: ep.number, time: Math.floor(video.currentTime || 0) });
    var seen = store.get('seen.' + state.series.id, {});
    seen[ep.number] = Math.max(seen[ep.number] || 0, ep.seconds ? Math.min(1, (video.currentTime || 0) / ep.seconds) : 0);
    store.set('seen.' + state.series.id, seen);
  }
  video.addEventListener('timeupdate', function () { save(false); hook(); });
  video.addEventListener('pause', function () { save(true); });
  video.addEventListener('ended', function () {
    var ep = current();
    if (state.index + 1 < episodes().length) {
      store.set('resume.' + state.series.id, { episode: episodes()[state.index + 1].number, time: 0 });
      next();
    } else {
      store.set('resume.' + state.series.id, { episode: ep.number, time: 0 });
      showEnd();
    }
  });

  // The hook line over the cold open, for the first seconds of an episode.
  function hook() {
    var ep = current();
    var show = !!(ep && ep.hook && ep.coldOpenSeconds > 0 && video.currentTime < ep.coldOpenSeconds);
    if ($('hook').hidden === show) { $('hook').hidden = !show; }
    if (show && $('hook').textContent !== ep.hook) { $('hook').textContent = ep.hook; }
  }

  // ---- the countdown to the next drop ----
  function nextDropIn() {
    if (!state.series || !state.series.nextDrop) { return null; }
    var ms = Date.parse(state.series.nextDrop) - (Date.now() + state.skew);
    return ms > 0 ? ms : null;
  }
  function clock(ms) {
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return (h > 0 ? h + ':' + two(m) : String(m)) + ':' + two(r);
  }
  function showCountdown() {
    var ms = nextDropIn();
    var el = $('countdown');
    if (ms === null) { el.hidden = true; return; }
    el.textContent = 'next episode in ' + clock(ms);
    el.hidden = false;
  }
  setInterval(function () {
    var before = nextDropIn();
    showCountdown();
    if (before !== null && before <= 1000) { setTimeout(refresh, 1500); }
  }, 1000);
  // a drop happened: take the new catalogue, keep playing what plays
  function refresh() {
    fetch('/api/catalogue', { cache: 'no-cache' }).then(function (r) { return r.json(); }).then(function (c) {
      state.catalogue = c;
      var same = c.series.filter(function (s) { return state.series && s.id === state.series.id; })[0];
      if (same) { var wasEmpty = episodes().length === 0; state.series = same; renderGrid(); if (wasEmpty) { chooseSeries(same, true); } }
    });
  }

  // ---- the grid ----
  function renderTabs() {
    var tabs = $('series-tabs');
    tabs.textContent = '';
    (state.catalogue ? state.catalogue.series : []).forEach(function (s) {
      var b = document.createElement('button');
      b.textContent = s.title;
      b.setAttribute('aria-selected', String(state.series && s.id === state.series.id));
      b.addEventListener('click', function () { chooseSeries(s, true); });
      tabs.appendChild(b);
    });
  }
  function renderGrid() {
    var ol = $('episodes');
    ol.textContent = '';
    var seen = state.series ? store.get('seen.' + state.series.id, {}) : {};
    episodes().forEach(function (ep, i) {
      var li = document.createElement('li');
      li.dataset.episode = String(ep.number);
      if (ep.thumb || ep.poster) { li.style.backgroundImage = 'url("' + (ep.thumb || ep.poster) + '")'; }
      if (i === state.index) { li.className = 'current'; }
      var label = document.createElement('span');
      label.textContent = ep.number + '. ' + ep.title;
      li.appendChild(label);
      if (seen[ep.number]) { var bar = document.createElement('div'); bar.className = 'seen'; bar.style.width = Math.round(seen[ep.number] * 100) + '%'; li.appendChild(bar); }
      li.addEventListener('click', function () { $('grid').hidden = true; play(i, 0); });
      ol.appendChild(li);
    });
  }
  $('grid-open').addEventListener('click', function () { renderGrid(); $('grid').hidden = false; });
  $('grid-close').addEventListener('click', function () { $('grid').hidden = true; });

  // ---- gestures: swipe, keys, wheel ----
  var touch = null;
  var stage = $('stage');
  stage.addEventListener('touchstart', function (e) { touch = { y: e.touches[0].clientY, x: e.touches[0].clientX, t: Date.now() }; }, { passive: true });
  stage.addEventListener('touchend', function (e) {
    if (!touch) { return; }
    var t = e.changedTouches[0], dy = t.clientY - touch.y, dx = t.clientX - touch.x;
    var wasTap = Math.abs(dy) < 10 && Math.abs(dx) < 10;
    touch = null;
    if (wasTap) { togglePlay(e); return; }
    if (Math.abs(dy) > 50 && Math.abs(dy) > Math.abs(dx)) { if (dy < 0) { next(); } else { previous(); } }
  });
  // desktop: dragging with the mouse works like a swipe
  var drag = null;
  stage.addEventListener('pointerdown', function (e) { if (e.pointerType === 'mouse') { drag = { y: e.clientY, x: e.clientX }; } });
  stage.addEventListener('pointerup', function (e) {
    if (!drag || e.pointerType !== 'mouse') { return; }
    var dy = e.clientY - drag.y, dx = e.clientX - drag.x;
    drag = null;
    if (Math.abs(dy) > 50 && Math.abs(dy) > Math.abs(dx)) { if (dy < 0) { next(); } else { previous(); } }
    else if (Math.abs(dy) < 5 && Math.abs(dx) < 5 && e.target === video) { togglePlay(e); }
  });
  function togglePlay(e) {
    if (e && e.target && e.target.closest && e.target.closest('button')) { return; }
    if (video.muted && !$('sound').hidden) { unmute(); return; }
    if (video.paused) { video.play(); } else { video.pause(); }
  }
  function unmute() { video.muted = false; $('sound').hidden = true; video.play(); }
  $('sound').addEventListener('click', function (e) { e.stopPropagation(); unmute(); });
  document.addEventListener('keydown', function (e) {
    if (!$('grid').hidden) { if (e.key === 'Escape') { $('grid').hidden = true; } return; }
    if (e.key === 'ArrowDown' || e.key === 'PageDown' || e.key === 'j') { e.preventDefault(); next(); }
    else if (e.key === 'ArrowUp' || e.key === 'PageUp' || e.key === 'k') { e.preventDefault(); previous(); }
    else if (e.key === ' ') { e.preventDefault(); togglePlay(); }
    else if (e.key === 'c') { $('subs').click(); }
    else if (e.key === 'g') { $('grid-open').click(); }
  });
  stage.addEventListener('wheel', function (e) {
    e.preventDefault();
    var now = Date.now();
    if (now - state.wheelAt < 600 || Math.abs(e.deltaY) < 30) { return; }
    state.wheelAt = now;
    if (e.deltaY > 0) { next(); } else { previous(); }
  }, { passive: false });

  // the first frame of this page, in ms since navigation started (bench serve --browser reads it):
  // data loaded, playing, and the first frame painted (where requestVideoFrameCallback exists)
  var firstFrame = {};
  function mark(name) { if (firstFrame[name] === undefined) { firstFrame[name] = Math.round(performance.now()); } }
  video.addEventListener('loadeddata', function () { mark('loadeddata'); });
  video.addEventListener('playing', function () { mark('playing'); });
  if (video.requestVideoFrameCallback) { video.requestVideoFrameCallback(function () { mark('painted'); }); }

  // for tests and tooling: what is on screen
  window.tsuzuku = { next: next, previous: previous, state: function () { return { series: state.series && state.series.id, episode: current() && current().number, source: document.body.dataset.source }; },
    firstFrame: function () { var f = {}; for (var k in firstFrame) { f[k] = firstFrame[k]; } f.source = document.body.dataset.source; return f; } };
  load();
})();
