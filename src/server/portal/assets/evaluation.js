/* global document, window */
// The partner's private evaluation page: the token stays in the fragment; the script reads the
// partner's questions through the public evaluation API, shows each scale step as a choice and
// sends the answers back as JSON (another site cannot post JSON without the browser asking first).
(function () {
  'use strict';
  var box = document.getElementById('eval-result');
  var form = document.getElementById('eval-form');
  var questionsBox = document.getElementById('eval-questions');
  var sent = document.getElementById('eval-sent');
  var submit = document.getElementById('eval-submit');
  var switcher = document.getElementById('eval-language');
  var token = window.location.hash.replace(/^#/, '');
  var language = 'id';
  var view = null;
  var TEXT = {
    id: { title: 'Penilaian kerja sama oleh mitra', private: 'Tautan ini bersifat pribadi. Jangan membagikannya.', agreement: 'Kerja sama', number: 'Nomor', partner: 'Mitra', period: 'Periode', until: 'Tautan berlaku sampai', answered: 'Jawaban terakhir Anda', note: 'Catatan (opsional)', send: 'Kirim penilaian', busy: 'Mengirim…', done: 'Terima kasih. Penilaian Anda telah disimpan; Anda dapat mengubahnya selama evaluasi masih terbuka.', missing: 'Pilih satu nilai untuk setiap pertanyaan.', refused: 'Penilaian tidak dapat disimpan.', offline: 'Koneksi terputus. Coba kirim lagi.', incomplete: 'Tautan penilaian tidak lengkap. Buka kembali tautan dari e-mail Anda.', load: 'Penilaian tidak dapat dimuat.', switchTo: 'English', dims: { simbiosis: 'Simbiosis', mutualisme: 'Mutualisme', implementasi: 'Implementasi' } },
    en: { title: "The partner's evaluation of the cooperation", private: 'This link is private. Do not share it.', agreement: 'Cooperation', number: 'Number', partner: 'Partner', period: 'Period', until: 'Link valid until', answered: 'Your last answer', note: 'Note (optional)', send: 'Send evaluation', busy: 'Sending…', done: 'Thank you. Your evaluation has been saved; you may change it while the evaluation is open.', missing: 'Choose one score for every question.', refused: 'The evaluation could not be saved.', offline: 'The connection was lost. Try sending again.', incomplete: 'The evaluation link is incomplete. Open the link from your e-mail again.', load: 'The evaluation could not be loaded.', switchTo: 'Bahasa Indonesia', dims: { simbiosis: 'Symbiosis', mutualisme: 'Mutualism', implementasi: 'Implementation' } },
  };

  function t(key) { return TEXT[language][key]; }
  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function date(iso) {
    return new Date(iso).toLocaleDateString(language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jayapura' });
  }
  function fail(message) {
    box.className = 'notice error';
    box.textContent = message;
    form.hidden = true;
  }
  function errorOf(body, fallback) {
    if (!body || !body.error) return fallback;
    return (language === 'en' ? body.error.messageEn : body.error.message) || body.error.message || fallback;
  }

  // What the partner chose so far survives a language switch.
  function chosen() {
    var answers = {};
    if (!view) return answers;
    view.questions.forEach(function (question) {
      var picked = form.querySelector('input[name="q-' + question.code + '"]:checked');
      var note = form.querySelector('#note-' + question.code);
      if (picked) answers[question.code] = { score: Number(picked.value), note: note ? note.value : '' };
    });
    return answers;
  }

  function question(q, index, previous) {
    var set = el('fieldset');
    set.appendChild(el('legend', (index + 1) + '. ' + (language === 'en' ? q.questionEn : q.question)));
    var hint = el('p', TEXT[language].dims[q.dimension] || q.dimension);
    hint.className = 'hint';
    set.appendChild(hint);
    q.scale.forEach(function (step, score) {
      var label = el('label');
      label.className = 'choice';
      var input = el('input');
      input.type = 'radio';
      input.name = 'q-' + q.code;
      input.value = String(score);
      input.required = true;
      if (previous && previous.score === score) input.checked = true;
      label.appendChild(input);
      label.appendChild(el('span', score + ' — ' + (language === 'en' ? step.en : step.id)));
      set.appendChild(label);
    });
    var noteLabel = el('label', t('note'));
    noteLabel.htmlFor = 'note-' + q.code;
    set.appendChild(noteLabel);
    var note = el('textarea');
    note.id = 'note-' + q.code;
    note.maxLength = 2000;
    note.value = previous && previous.note ? previous.note : '';
    set.appendChild(note);
    return set;
  }

  function render(keep) {
    document.documentElement.lang = language;
    document.getElementById('eval-title').textContent = t('title');
    document.getElementById('eval-private').textContent = t('private');
    switcher.textContent = t('switchTo');
    switcher.lang = language === 'en' ? 'id' : 'en';
    switcher.hidden = false;
    submit.textContent = t('send');
    box.className = '';
    box.textContent = '';
    var facts = el('dl');
    facts.className = 'facts';
    var rows = [[t('agreement'), view.agreementTitle], [t('number'), view.agreementNumber || '—'], [t('partner'), view.partnerNames.join(', ') || '—'], [t('period'), view.period], [t('until'), date(view.linkExpiresAt)]];
    if (view.answeredAt) rows.push([t('answered'), date(view.answeredAt)]);
    rows.forEach(function (pair) {
      facts.appendChild(el('dt', pair[0]));
      facts.appendChild(el('dd', pair[1]));
    });
    box.appendChild(facts);
    var previous = keep || {};
    if (!keep) view.answers.forEach(function (answer) { previous[answer.code] = answer; });
    questionsBox.textContent = '';
    view.questions.forEach(function (q, index) { questionsBox.appendChild(question(q, index, previous[q.code])); });
    form.hidden = false;
  }

  function call(init) {
    return fetch('/api/public/evaluations/' + encodeURIComponent(token), init).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    });
  }

  switcher.addEventListener('click', function () {
    var keep = chosen();
    language = language === 'en' ? 'id' : 'en';
    if (view) render(keep);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var answers = chosen();
    var list = view.questions.filter(function (q) { return answers[q.code]; }).map(function (q) {
      var note = answers[q.code].note.trim();
      return { code: q.code, score: answers[q.code].score, note: note || null };
    });
    if (list.length < view.questions.length) {
      sent.className = 'notice error';
      sent.textContent = t('missing');
      return;
    }
    submit.disabled = true;
    sent.className = 'notice';
    sent.textContent = t('busy');
    call({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: list }) })
      .then(function (answer) {
        submit.disabled = false;
        if (!answer.ok) {
          sent.className = 'notice error';
          sent.textContent = errorOf(answer.body, t('refused'));
          return;
        }
        view = answer.body;
        render(null);
        sent.className = 'notice ok';
        sent.id = 'eval-sent';
        sent.textContent = t('done');
      })
      .catch(function () {
        submit.disabled = false;
        sent.className = 'notice error';
        sent.textContent = t('offline');
      });
  });

  if (token.length < 20) {
    fail(t('incomplete'));
    return;
  }
  call(undefined)
    .then(function (answer) {
      if (!answer.ok) return fail(errorOf(answer.body, t('load')));
      view = answer.body;
      render(null);
    })
    .catch(function () { fail(t('offline')); });
})();
