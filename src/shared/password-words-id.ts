// Words people in Ternate reach for when asked for a password: common Indonesian passwords and
// words, the city and its places, the institution itself. Ranked roughly most common first,
// as zxcvbn treats an earlier entry as a likelier guess.
export const INDONESIAN_PASSWORD_WORDS: readonly string[] = [
  'sayang', 'rahasia', 'indonesia', 'bismillah', 'cinta', 'sayangku', 'katasandi', 'sandi', 'kata', 'masuk',
  'ternate', 'malukuutara', 'maluku', 'utara', 'jalin', 'kerjasama', 'kerja', 'sama', 'admin', 'pemkot',
  'pemda', 'setda', 'kota', 'pemerintah', 'kantor', 'dinas', 'bagian', 'pegawai', 'asn', 'pns',
  'merdeka', 'garuda', 'pancasila', 'jakarta', 'allah', 'alhamdulillah', 'insyaallah', 'mashaallah', 'subhanallah', 'amin',
  'sayangkamu', 'akusayangkamu', 'cintaku', 'kasih', 'kekasih', 'manis', 'cantik', 'ganteng', 'bunga', 'mawar',
  'rindu', 'selamat', 'pagi', 'malam', 'hari', 'senin', 'selasa', 'rabu', 'kamis', 'jumat',
  'sabtu', 'minggu', 'januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus',
  'september', 'oktober', 'november', 'desember', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam',
  'tujuh', 'delapan', 'sembilan', 'sepuluh', 'mama', 'papa', 'ibu', 'bapak', 'ayah', 'anak',
  'adik', 'kakak', 'keluarga', 'rumah', 'teman', 'sahabat', 'bersama', 'bahagia', 'sukses', 'semangat',
  'doa', 'iman', 'islam', 'muslim', 'ramadhan', 'lebaran', 'baru', 'lama', 'uji', 'coba',
  'percobaan', 'contoh', 'tes', 'data', 'sistem', 'aplikasi', 'komputer', 'internet', 'kopi', 'pala',
  'cengkeh', 'laut', 'pantai', 'gunung', 'pulau', 'ikan', 'gamalama', 'tidore', 'halmahera', 'sofifi',
  'tobelo', 'jailolo', 'hiri', 'moti', 'batang', 'kesultanan', 'sultan', 'kedaton', 'babullah',
  'baabullah', 'khairun', 'oranje', 'tolukko', 'kalamata', 'santosa', 'dufa', 'tolire', 'laguna',
  'ngade', 'bastiong', 'kalumpang', 'makassar', 'soasio', 'dufadufa', 'akehuda', 'sulamadaha', 'jikomalamo',
  'falajawa', 'salero', 'kampungmakassar', 'takoma', 'jati', 'sasa', 'fitu', 'kastela', 'rua', 'togafo',
  'mandiri', 'maju', 'jaya', 'abadi', 'sentosa', 'berkah', 'barokah', 'amanah', 'ikhlas',
];
