// The demo's partners: real institutions that a city like Ternate works with, under the category
// the domain table assigns them (domain.md, "Partner categories").
export type DemoPartner = { name: string; category: string; abbr: string };

export const DEMO_PARTNERS = {
  // Regional governments (pemerintah daerah): neighbours across the Halmahera Sea and the province.
  halbar: { name: 'Pemerintah Kabupaten Halmahera Barat', category: 'pemerintah_kabupaten_kota', abbr: 'PEM-HALBAR' },
  tidore: { name: 'Pemerintah Kota Tidore Kepulauan', category: 'pemerintah_kabupaten_kota', abbr: 'PEM-TIKEP' },
  sula: { name: 'Pemerintah Kabupaten Kepulauan Sula', category: 'pemerintah_kabupaten_kota', abbr: 'PEM-SULA' },
  halut: { name: 'Pemerintah Kabupaten Halmahera Utara', category: 'pemerintah_kabupaten_kota', abbr: 'PEM-HALUT' },
  halsel: { name: 'Pemerintah Kabupaten Halmahera Selatan', category: 'pemerintah_kabupaten_kota', abbr: 'PEM-HALSEL' },
  halteng: { name: 'Pemerintah Kabupaten Halmahera Tengah', category: 'pemerintah_kabupaten_kota', abbr: 'PEM-HALTENG' },
  morotai: { name: 'Pemerintah Kabupaten Pulau Morotai', category: 'pemerintah_kabupaten_kota', abbr: 'PEM-MOROTAI' },
  malut: { name: 'Pemerintah Provinsi Maluku Utara', category: 'pemerintah_provinsi', abbr: 'PEMPROV-MALUT' },
  // Central government and its regional offices (Sinergi). BPJS Kesehatan is a public legal body
  // answering to the President, so it is counted with central government, not with BUMN.
  kemenkop: { name: 'Kementerian Koperasi dan Usaha Kecil dan Menengah Republik Indonesia', category: 'pemerintah_pusat', abbr: 'KUKM' },
  bi: { name: 'Bank Indonesia Perwakilan Provinsi Maluku Utara', category: 'pemerintah_pusat', abbr: 'BI-MALUT' },
  bpjs: { name: 'BPJS Kesehatan Cabang Ternate', category: 'pemerintah_pusat', abbr: 'BPJSK-TTE' },
  kpp: { name: 'Kantor Pelayanan Pajak Pratama Ternate', category: 'pemerintah_pusat', abbr: 'KPP-TTE' },
  bps: { name: 'Badan Pusat Statistik Kota Ternate', category: 'pemerintah_pusat', abbr: 'BPS-TTE' },
  bpom: { name: 'Balai Pengawas Obat dan Makanan di Ternate', category: 'pemerintah_pusat', abbr: 'BPOM-TTE' },
  polres: { name: 'Kepolisian Resor Ternate', category: 'pemerintah_pusat', abbr: 'POLRES-TTE' },
  bpn: { name: 'Kantor Pertanahan Kota Ternate', category: 'pemerintah_pusat', abbr: 'ATR-BPN-TTE' },
  // State universities and service colleges.
  unkhair: { name: 'Universitas Khairun', category: 'perguruan_tinggi_negeri', abbr: 'UNKHAIR' },
  ptdi: { name: 'Politeknik Transportasi Darat Indonesia-STTD', category: 'perguruan_tinggi_negeri', abbr: 'PTDI-STTD' },
  poltekpel: { name: 'Politeknik Pelayaran Surabaya', category: 'perguruan_tinggi_negeri', abbr: 'POLTEKPEL-SBY' },
  iain: { name: 'Institut Agama Islam Negeri Ternate', category: 'perguruan_tinggi_negeri', abbr: 'IAIN-TTE' },
  poltekkes: { name: 'Politeknik Kesehatan Kementerian Kesehatan Ternate', category: 'perguruan_tinggi_negeri', abbr: 'POLTEKKES-TTE' },
  // State-owned and regional enterprises.
  bri: { name: 'PT Bank Rakyat Indonesia (Persero) Tbk', category: 'bumn', abbr: 'BRI' },
  bni: { name: 'PT Bank Negara Indonesia (Persero) Tbk', category: 'bumn', abbr: 'BNI' },
  mandiri: { name: 'PT Bank Mandiri (Persero) Tbk', category: 'bumn', abbr: 'BMRI' },
  telkom: { name: 'PT Telkom Indonesia (Persero) Tbk', category: 'bumn', abbr: 'TELKOM' },
  pln: { name: 'PT PLN (Persero) Unit Pelaksana Pelayanan Pelanggan Ternate', category: 'bumn', abbr: 'PLN-UP3' },
  pos: { name: 'PT Pos Indonesia (Persero)', category: 'bumn', abbr: 'POSIND' },
  bankmalut: { name: 'PT Bank Pembangunan Daerah Maluku dan Maluku Utara (Bank Maluku Malut)', category: 'bumd', abbr: 'BPDM' },
  pdam: { name: 'Perusahaan Umum Daerah Air Minum Ake Gaale Kota Ternate', category: 'bumd', abbr: 'PDAM-AG' },
  // Private companies, marketplaces, a cooperative and a private university.
  tokopedia: { name: 'PT Tokopedia', category: 'swasta', abbr: 'TOKOPEDIA' },
  shopee: { name: 'PT Shopee International Indonesia', category: 'swasta', abbr: 'SHOPEE' },
  bukalapak: { name: 'PT Bukalapak.com Tbk', category: 'swasta', abbr: 'BUKALAPAK' },
  grab: { name: 'PT Grab Teknologi Indonesia', category: 'swasta', abbr: 'GRAB' },
  gojek: { name: 'PT Aplikasi Karya Anak Bangsa (Gojek)', category: 'swasta', abbr: 'GOJEK' },
  alfamart: { name: 'PT Sumber Alfaria Trijaya Tbk', category: 'swasta', abbr: 'SAT' },
  indomaret: { name: 'PT Indomarco Prismatama', category: 'swasta', abbr: 'IDM' },
  traveloka: { name: 'PT Trinusa Travelindo (Traveloka)', category: 'swasta', abbr: 'TRAVELOKA' },
  koppala: { name: 'Koperasi Produsen Pala dan Cengkeh Gamalama', category: 'swasta', abbr: 'KOP-GAMALAMA' },
  terminal: { name: 'PT Bastiong Logistik Terpadu', category: 'swasta', abbr: 'BLT' },
  ummu: { name: 'Universitas Muhammadiyah Maluku Utara', category: 'perguruan_tinggi_swasta', abbr: 'UMMU' },
  // Organisations.
  pmi: { name: 'Palang Merah Indonesia Kota Ternate', category: 'ormas_lembaga', abbr: 'PMI-TTE' },
  kadin: { name: 'Kamar Dagang dan Industri Kota Ternate', category: 'ormas_lembaga', abbr: 'KADIN-TTE' },
} as const satisfies Record<string, DemoPartner>;

export type DemoPartnerKey = keyof typeof DEMO_PARTNERS;
