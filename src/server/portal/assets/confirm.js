/* global document, window, history */
// Reads the confirmation token from the address's fragment (never sent to any server by the
// browser), confirms the proposal once, then points to the private tracking page.
(function () {
  'use strict';
  var box = document.getElementById('confirm-result');
  var token = window.location.hash.replace(/^#/, '');
  // The token leaves the address bar and the history at once.
  history.replaceState(null, '', window.location.pathname);

  function show(kind, nodes) {
    box.className = 'notice ' + kind;
    box.textContent = '';
    nodes.forEach(function (node) { box.appendChild(node); });
  }
  function para(text) {
    var p = document.createElement('p');
    p.textContent = text;
    return p;
  }

  if (token.length < 20) {
    show('error', [para('Tautan konfirmasi tidak lengkap. Buka kembali tautan dari e-mail Anda.')]);
    return;
  }
  fetch('/api/public/proposals/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: token }) })
    .then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    })
    .then(function (answer) {
      if (!answer.ok) {
        show('error', [para((answer.body.error && answer.body.error.message) || 'Konfirmasi gagal.')]);
        return;
      }
      var code = para('Kode usulan: ');
      var strong = document.createElement('strong');
      strong.id = 'tracking-code';
      strong.textContent = answer.body.trackingCode;
      code.appendChild(strong);
      var follow = para('Ikuti status usulan, baca permintaan kami dan unggah dokumen melalui tautan pribadi: ');
      var link = document.createElement('a');
      link.href = '/usulan/lacak#' + answer.body.trackingToken;
      link.textContent = 'buka halaman pelacakan';
      follow.appendChild(link);
      show('ok', [para('Terima kasih. Usulan Anda telah masuk antrean Bagian Kerja Sama.'), code, follow, para('Tautan yang sama juga kami kirim ke e-mail Anda. Jangan membagikannya.')]);
    })
    .catch(function () {
      show('error', [para('Koneksi terputus. Muat ulang halaman ini dari tautan di e-mail Anda.')]);
    });
})();
