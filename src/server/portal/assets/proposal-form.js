/* global document */
// The public proposal form: posts the fields as JSON to /api/public/proposals. The idempotency key
// is made once when the page opens, so pressing "Kirim" twice sends one proposal.
(function () {
  'use strict';
  var form = document.getElementById('proposal-form');
  if (!form) return;
  var result = document.getElementById('proposal-result');
  // A new key after each accepted send: the emptied form is for another proposal.
  var key = crypto.randomUUID();

  function text(name) {
    var field = form.elements.namedItem(name);
    var value = field && typeof field.value === 'string' ? field.value.trim() : '';
    return value === '' ? null : value;
  }

  function payload() {
    var partners = [];
    for (var i = 0; i < 2; i++) {
      var name = text('partner-' + i + '-name');
      if (name) partners.push({ name: name, categoryCode: text('partner-' + i + '-category') || '' });
    }
    var sectors = Array.prototype.slice.call(form.querySelectorAll('input[name="sectorCodes"]:checked')).map(function (box) { return box.value; });
    var months = text('jangkaWaktuBulan');
    var body = {
      idempotencyKey: key,
      website: form.elements.namedItem('website').value,
      initiator: { institution: text('institution') || '', contactName: text('contactName') || '', email: text('email') || '', phone: text('phone') },
      kind: text('kind'),
      title: text('title') || '',
      plannedPartners: partners,
      sectorCodes: sectors,
      jangkaWaktuBulan: months === null ? null : Number(months),
      burdensPublic: form.elements.namedItem('burdensPublic').checked,
      unbudgetedInApbd: form.elements.namedItem('unbudgetedInApbd').checked,
    };
    ['latarBelakang', 'maksudTujuan', 'ruangLingkup', 'manfaat', 'lokasi', 'peranParaPihak', 'jangkaWaktuAlasan', 'dampakSosial', 'dampakEkonomi', 'dampakLingkungan', 'pembiayaan'].forEach(function (name) {
      body[name] = text(name);
    });
    return body;
  }

  function show(kind, lines) {
    result.className = 'notice ' + kind;
    result.textContent = '';
    lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      result.appendChild(p);
    });
    result.focus();
    result.scrollIntoView({ block: 'start' });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!form.reportValidity()) return;
    if (form.querySelectorAll('input[name="sectorCodes"]:checked').length === 0) {
      show('error', ['Pilih paling sedikit satu bidang.']);
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    show('', ['Mengirim usulan…']);
    fetch('/api/public/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload()) })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        button.disabled = false;
        if (answer.ok) {
          // Sent: the form empties so it does not look unsent, and the answer stands above it.
          form.reset();
          key = crypto.randomUUID();
          show('ok', [answer.body.message, 'Kode usulan: ' + answer.body.trackingCode]);
          return;
        }
        var error = answer.body && answer.body.error ? answer.body.error : answer.body;
        show('error', [(error && error.message) || 'Usulan belum dapat dikirim.']);
      })
      .catch(function () {
        button.disabled = false;
        show('error', ['Koneksi terputus. Periksa jaringan Anda lalu kirim lagi; usulan yang sama tidak akan tercatat dua kali.']);
      });
  });
})();
