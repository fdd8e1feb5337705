export function NotFoundPage() {
  return (
    <div className="wrap">
      <h1>Halaman tidak ditemukan</h1>
      <p>Alamat yang Anda buka tidak ada atau tidak (lagi) dipublikasikan.</p>
      <ul>
        <li><a href="/kerja-sama">Daftar kerja sama yang berlaku</a></li>
        <li><a href="/peluang">Peluang untuk warga</a></li>
        <li><a href="/">Beranda</a></li>
      </ul>
    </div>
  );
}
