/* global document, window */
// The initiator's private page: the token stays in the fragment; the script reads the proposal's
// status through the public tracking API, sends requested documents to its upload route and, once
// the proposal was sent back for revision, resubmits it.
(function () {
  'use strict';
  var box = document.getElementById('track-result');
  var uploadSection = document.getElementById('upload');
  var uploadForm = document.getElementById('upload-form');
  var uploadResult = document.getElementById('upload-result');
  var resubmitSection = document.getElementById('resubmit');
  var resubmitForm = document.getElementById('resubmit-form');
  var resubmitResult = document.getElementById('resubmit-result');
  var labels = JSON.parse(document.getElementById('doc-labels').textContent || '{}');
  var token = window.location.hash.replace(/^#/, '');
  var STATES = { draf: 'Menunggu konfirmasi', aktif: 'Sedang diproses', dikembalikan: 'Dikembalikan untuk dilengkapi', ditolak: 'Ditolak', dibatalkan: 'Dibatalkan', terdaftar: 'Terdaftar' };
  var STAGE_STATUS = { selesai: 'selesai', berjalan: 'sedang berjalan', menunggu: 'menunggu', dilewati: 'dilewati' };

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function date(iso) {
    return new Date(iso).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
  }
  function list(items, render) {
    var ul = el('ul');
    items.forEach(function (item) { ul.appendChild(el('li', render(item))); });
    return ul;
  }

  function render(view) {
    box.className = '';
    box.textContent = '';
    box.appendChild(el('h2', view.title));
    var facts = el('dl');
    facts.className = 'facts';
    [['Kode usulan', view.trackingCode], ['Pengusul', view.institution || '—'], ['Status', STATES[view.state] || view.state], ['Tahap', view.stageName || view.stageCode]].forEach(function (pair) {
      facts.appendChild(el('dt', pair[0]));
      var dd = el('dd', pair[1]);
      if (pair[0] === 'Kode usulan') dd.id = 'tracking-code';
      facts.appendChild(dd);
    });
    box.appendChild(facts);
    if (view.requests.length > 0) {
      box.appendChild(el('h3', 'Permintaan Bagian Kerja Sama'));
      box.appendChild(list(view.requests, function (request) { return date(request.at) + ': ' + request.note; }));
    }
    if (view.missingDocTypes.length > 0) {
      box.appendChild(el('h3', 'Dokumen yang masih diperlukan'));
      box.appendChild(list(view.missingDocTypes, function (type) { return labels[type] || type; }));
    }
    box.appendChild(el('h3', 'Tahapan'));
    var stages = el('ol');
    view.stages.forEach(function (stage) { stages.appendChild(el('li', stage.name + ' — ' + (STAGE_STATUS[stage.status] || stage.status) + ' (target ' + stage.targetDays + ' hari)')); });
    box.appendChild(stages);
    box.appendChild(el('h3', 'Dokumen yang diterima'));
    if (view.documents.length === 0) box.appendChild(el('p', 'Belum ada dokumen.'));
    else box.appendChild(list(view.documents, function (doc) { return (labels[doc.docType] || doc.docType) + ' versi ' + doc.versionNo + ': ' + doc.fileName + ' (' + date(doc.createdAt) + ')'; }));
    box.appendChild(el('p', 'Tautan berlaku sampai ' + date(view.linkExpiresAt) + '.'));
    var closed = view.state === 'ditolak' || view.state === 'dibatalkan' || view.state === 'terdaftar';
    uploadSection.hidden = closed;
    if (!closed && view.missingDocTypes.length > 0) uploadForm.elements.namedItem('docType').value = view.missingDocTypes[0];
    resubmitSection.hidden = view.state !== 'dikembalikan';
  }

  // Every request goes only to the address holding the private token.
  function call(path, init) {
    return fetch('/api/public/proposals/track/' + encodeURIComponent(token) + path, init).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    });
  }

  // A form's request: its button disabled while under way, the server's message or the fallback
  // shown when refused, `done` called with the answer when accepted.
  function submitting(form, result, texts, send, done) {
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    result.className = 'notice';
    result.textContent = texts.busy;
    send()
      .then(function (answer) {
        button.disabled = false;
        if (!answer.ok) {
          result.className = 'notice error';
          result.textContent = (answer.body.error && answer.body.error.message) || texts.refused;
          return;
        }
        return done(answer.body);
      })
      .catch(function () {
        button.disabled = false;
        result.className = 'notice error';
        result.textContent = texts.offline;
      });
  }

  function load() {
    return call('', undefined)
      .then(function (answer) {
        if (answer.ok) render(answer.body);
        else {
          box.className = 'notice error';
          box.textContent = (answer.body.error && answer.body.error.message) || 'Usulan tidak dapat dimuat.';
        }
      });
  }

  if (token.length < 20) {
    box.className = 'notice error';
    box.textContent = 'Tautan pelacakan tidak lengkap. Buka kembali tautan dari e-mail Anda.';
    return;
  }
  load().catch(function () {
    box.className = 'notice error';
    box.textContent = 'Koneksi terputus. Muat ulang halaman ini.';
  });

  uploadForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData();
    data.append('docType', uploadForm.elements.namedItem('docType').value);
    var note = uploadForm.elements.namedItem('note').value.trim();
    if (note) data.append('note', note);
    data.append('file', uploadForm.elements.namedItem('file').files[0]);
    var texts = { busy: 'Mengunggah…', refused: 'Unggahan gagal.', offline: 'Koneksi terputus. Coba unggah lagi.' };
    submitting(uploadForm, uploadResult, texts, function () { return call('/documents', { method: 'POST', body: data }); }, function (body) {
      uploadResult.className = 'notice ok';
      uploadResult.textContent = 'Dokumen diterima: ' + body.fileName + ' (versi ' + body.versionNo + ').';
      uploadForm.reset();
      return load();
    });
  });

  // JSON, so that another site cannot post it without the browser asking first; the server answers
  // a repeated resubmission as the first.
  resubmitForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var note = resubmitForm.elements.namedItem('note').value.trim();
    var init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(note ? { note: note } : {}) };
    var texts = { busy: 'Mengirim ulang…', refused: 'Usulan tidak dapat dikirim ulang.', offline: 'Koneksi terputus. Coba kirim ulang lagi.' };
    submitting(resubmitForm, resubmitResult, texts, function () { return call('/resubmit', init); }, function (body) {
      resubmitForm.reset();
      resubmitResult.className = 'notice';
      resubmitResult.textContent = '';
      render(body);
      var done = el('p', 'Usulan telah dikirim ulang. Bagian Kerja Sama melanjutkan prosesnya.');
      done.className = 'notice ok';
      done.id = 'resubmit-done';
      box.insertBefore(done, box.firstChild);
    });
  });
})();
