//! Every user-visible string, in Indonesian and English, and the choice between them.
//!
//! Strings are looked up by a typed key, so a missing translation cannot compile; a
//! test checks that both texts of a key exist and use the same placeholders.

use crate::domain::config::Role;
use crate::domain::review::{ActionKind, Status};
use crate::domain::workflow::Denial;
use crate::store::export::ExportProblem;
use crate::store::journal::StateProblem;
use crate::store::{Invalid, StoreError};

pub mod sync;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Parse a language tag such as `id`, `en_US.UTF-8` or `id-ID`.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let t = tag.to_ascii_lowercase();
        if t.starts_with("id") || t.starts_with("in") {
            Some(Self::Id)
        } else if t.starts_with("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// Choose: `WARTA_LANG`, then the person's choice, then the newsroom's, then `LANG`.
    #[must_use]
    pub fn choose(
        explicit: Option<&str>,
        person: Option<&str>,
        newsroom: Option<&str>,
        env_lang: Option<&str>,
    ) -> Self {
        [explicit, person, newsroom, env_lang]
            .into_iter()
            .flatten()
            .find_map(Self::from_tag)
            .unwrap_or_default()
    }
}

macro_rules! strings {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A translatable string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Key { $($key,)* }

        impl Key {
            /// Every key.
            pub const ALL: &[Key] = &[$(Key::$key,)*];

            /// The text in a language.
            #[must_use]
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Key::$key, Lang::Id) => $id, (Key::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    // Statuses
    StatusDraft => "Draf", "Draft";
    StatusSubmitted => "Diajukan", "Submitted";
    StatusChangesRequested => "Perlu revisi", "Changes requested";
    StatusApproved => "Disetujui", "Approved";
    StatusPublished => "Terbit", "Published";
    StatusRejected => "Ditolak", "Rejected";
    StatusBroken => "Rusak", "Broken";
    // Actions
    ActCreate => "buat", "create";
    ActEdit => "sunting", "edit";
    ActSubmit => "ajukan", "submit";
    ActWithdraw => "tarik kembali", "withdraw";
    ActRequestChanges => "minta revisi", "request changes";
    ActApprove => "setujui", "approve";
    ActReject => "tolak", "reject";
    ActPublish => "terbitkan", "publish";
    ActComment => "komentar", "comment";
    ActReply => "balas", "reply";
    ActResolve => "selesaikan utas", "resolve thread";
    // Roles
    RoleAuthor => "penulis", "author";
    RoleEditor => "editor", "editor";
    RoleApprover => "penyetuju", "approver";
    RoleAdmin => "admin", "admin";
    // Denials: each names its rule
    DenyUnknown => "Tidak diizinkan: Anda belum terdaftar di redaksi ini, akses hanya-baca.", "Not allowed: you are not a person of this newsroom; read-only access.";
    DenyExpired => "Tidak diizinkan: akun Anda berakhir pada {0}, akses hanya-baca.", "Not allowed: your account ended on {0}; read-only access.";
    DenyNotVisible => "Tidak diizinkan: penulis hanya dapat melihat berita kecamatannya sendiri dan berita yang sudah terbit.", "Not allowed: authors see only their own kecamatan's items and published ones.";
    DenyRole => "Tidak diizinkan: tindakan \"{0}\" hanya untuk peran {1}.", "Not allowed: \"{0}\" needs the role {1}.";
    DenyOtherKecamatan => "Tidak diizinkan: penulis hanya menulis untuk kecamatannya sendiri ({0}).", "Not allowed: authors write only for their own kecamatan ({0}).";
    DenyNotItemAuthor => "Tidak diizinkan: hanya penulis berita ini yang boleh \"{0}\".", "Not allowed: only the item's author may \"{0}\".";
    DenyState => "Tidak diizinkan: \"{0}\" tidak boleh saat berita berstatus {1}.", "Not allowed: \"{0}\" is not allowed while the item is {1}.";
    DenySelfApproval => "Tidak diizinkan: penyetuju tidak boleh menyetujui berita tulisannya sendiri.", "Not allowed: approvers may not approve their own item.";
    DenyApprovalStale => "Tidak diizinkan: persetujuan sudah usang karena isi berubah setelahnya; setujui ulang dulu.", "Not allowed: the approval is stale because the content changed after it; approve again first.";
    DenyChecklist => "Tidak diizinkan: daftar periksa wajib belum terpenuhi: {0}. Lihat: warta check", "Not allowed: required checklist rules fail: {0}. See: warta check";
    OutCheckBlocking => "Belum bisa disetujui: daftar periksa wajib belum terpenuhi: {0}.", "Not ready for approval: required checklist rules fail: {0}.";
    RuleTitleLength => "panjang judul", "title length";
    RuleLeadLength => "panjang paragraf pembuka", "lead paragraph length";
    RuleDateline => "dateline", "dateline";
    RulePhotoCaptions => "keterangan foto", "photo captions";
    RuleTags => "tag", "tags";
    RuleKecamatan => "kecamatan", "kecamatan";
    RuleBody => "isi berita", "body";
    RuleEmptyParagraphs => "paragraf kosong", "empty paragraphs";
    RuleClosing => "penutup", "closing line";
    RuleBannedWords => "kata terlarang", "banned words";
    RuleDoubleSpaces => "spasi ganda", "double spaces";
    LevelRequired => "wajib", "required";
    LevelRecommended => "anjuran", "recommended";
    DenyResolver => "Tidak diizinkan: utas hanya dapat diselesaikan oleh pembukanya, penulis berita, atau penyetuju.", "Not allowed: only the thread's opener, the item's author or an approver may resolve it.";
    // Invalid requests
    InvUnknownItem => "Berita \"{0}\" tidak ditemukan.", "No item \"{0}\".";
    InvUnknownPerson => "Orang \"{0}\" tidak ada di warta.toml. Lihat: warta people", "No person \"{0}\" in warta.toml. See: warta people";
    InvUnknownKecamatan => "Kecamatan \"{0}\" tidak ada di warta.toml.", "No kecamatan \"{0}\" in warta.toml.";
    InvMessageRequired => "Tidak diizinkan: \"{0}\" wajib disertai pesan (-m).", "Not allowed: \"{0}\" needs a message (-m).";
    InvEmptyTitle => "Tidak diizinkan: judul tidak boleh kosong.", "Not allowed: the title must not be empty.";
    InvControl => "Tidak diizinkan: kolom {0} berisi karakter kendali.", "Not allowed: the {0} field holds control characters.";
    InvNoParagraph => "Paragraf {0} tidak ada; berita ini punya {1} paragraf.", "There is no paragraph {0}; the item has {1}.";
    InvNoThread => "Utas #{0} tidak ada.", "There is no thread #{0}.";
    InvAlreadyResolved => "Utas #{0} sudah diselesaikan.", "Thread #{0} is already resolved.";
    InvTooLarge => "Tidak diizinkan: berita sebesar {0} bita melebihi batas {1} bita.", "Not allowed: an item of {0} bytes is over the limit of {1} bytes.";
    InvLogFull => "Tidak diizinkan: catatan tinjauan berita ini sudah mencapai batas {0} peristiwa.", "Not allowed: this item's review log has reached the limit of {0} events.";
    InvNoActor => "Tidak diketahui siapa yang bertindak.", "Nobody known is acting.";
    InvExists => "Tidak diizinkan: berita \"{0}\" sudah ada.", "Not allowed: the item \"{0}\" exists already.";
    InvBadSlug => "Tidak diizinkan: \"{0}\" bukan nama berita yang sah.", "Not allowed: \"{0}\" is not a valid item name.";
    InvAuthorChanged => "Tidak diizinkan: penulis berita tidak dapat diubah lewat suntingan.", "Not allowed: an edit cannot change who wrote the item.";
    InvContentChanged => "Tidak diizinkan: isi berita berubah sejak Anda membacanya (Anda membaca {0}, sekarang {1}). Baca perubahannya dulu (tombol d, atau: warta diff), lalu putuskan lagi.", "Not allowed: the item changed since you read it (you read {0}, now {1}). Read the changes first (key d, or: warta diff), then decide again.";
    InvNotDamaged => "Tidak diizinkan: catatan tinjauan berita ini terbaca dengan baik; tidak ada yang perlu diperbaiki.", "Not allowed: this item's review log reads well; there is nothing to repair.";
    ActRepair => "perbaiki catatan", "repair log";
    ActShared => "dibagikan", "shared";
    InvUnknownChannel => "Tidak diizinkan: kanal \"{0}\" tidak dikenal. Pilih: website, instagram, facebook, x, whatsapp, tiktok, youtube.", "Not allowed: unknown channel \"{0}\". Choose: website, instagram, facebook, x, whatsapp, tiktok, youtube.";
    InvBadUrl => "Tidak diizinkan: alamat unggahan harus berupa satu alamat http:// atau https:// tanpa spasi.", "Not allowed: the post's address must be one http:// or https:// address without spaces.";
    // Store errors
    ErrNotANewsroom => "Bukan redaksi warta: {0} (tidak ada repositori git dengan warta.toml). Buat dengan: warta init", "Not a warta newsroom: {0} (no git repository with warta.toml). Create one with: warta init";
    ErrAlreadyExists => "Sudah ada repositori di {0}.", "There is already a repository at {0}.";
    ErrNoBranch => "Cabang \"{0}\" tidak ada di repositori.", "Branch \"{0}\" does not exist in the repository.";
    ErrLocked => "Cabang \"{0}\" sedang dikunci proses lain yang masih berjalan ({1}); kunci yang ditinggalkan proses mati dihapus sendiri setelah 10 detik. Cari proses warta atau git yang macet (mis. dihentikan dengan Ctrl-Z); hapus berkas kunci itu hanya jika tidak ada.", "Branch \"{0}\" is locked by a process that is still running ({1}); a lock left by a process that died is removed by itself after 10 s. Look for a stuck warta or git process (stopped with Ctrl-Z, say); remove that lock file only if there is none.";
    ErrReadOnly => "Repositori tidak dapat ditulis: {0}", "The repository cannot be written: {0}";
    ErrConfig => "warta.toml salah, baris {0}, {1}: {2}", "warta.toml is invalid, line {0}, {1}: {2}";
    ErrGit => "Galat git: {0}", "git error: {0}";
    ErrIo => "Galat berkas {0}: {1}", "File error {0}: {1}";
    ErrBroken => "Berkas rusak {0} baris {1}: {2}", "Broken file {0} line {1}: {2}";
    ErrConflict => "Bentrok: orang lain mengubah bagian yang sama dari \"{0}\". Versi Anda disimpan di {1}; tidak ada yang hilang.", "Conflict: someone else changed the same part of \"{0}\". Your version is saved in {1}; nothing is lost.";
    ErrUnmigrated => "Redaksi ini masih memakai susunan folder lama (semua berita langsung di drafts/). Admin perlu menjalankan sekali: warta migrate", "This newsroom still uses the old folder layout (every item directly under drafts/). An admin needs to run once: warta migrate";
    ErrMigrateAdmin => "Ditolak: hanya admin yang boleh menjalankan warta migrate.", "Refused: only an admin may run warta migrate.";
    ErrRetries => "Gagal setelah {0} percobaan: cabang terus berubah. Coba lagi.", "Gave up after {0} attempts: the branch kept changing. Try again.";
    ErrStateNotOwned => "Folder status {0} milik pengguna lain (uid {1}); warta tidak menyimpan teks Anda di sana. Atur XDG_STATE_HOME atau HOME ke folder milik Anda.", "The state folder {0} belongs to another user (uid {1}); warta does not keep your text there. Set XDG_STATE_HOME or HOME to a folder of your own.";
    ErrStateOpen => "Folder status {0} dapat ditulis semua orang (mode {1}); warta tidak menyimpan teks Anda di sana. Hapus folder itu, atau periksa isinya lalu jalankan: chmod 700 {0}", "The state folder {0} is writable by everyone (mode {1}); warta does not keep your text there. Remove it, or check what is in it and run: chmod 700 {0}";
    ErrStateNotFolder => "{0} bukan folder; warta tidak dapat menyimpan status di sana. Atur XDG_STATE_HOME atau HOME.", "{0} is not a folder; warta cannot keep its state there. Set XDG_STATE_HOME or HOME.";
    ErrJournalDamaged => "Jurnal rusak, tidak ditawarkan; disimpan di {1} (semula {0}).", "Damaged journal, not offered; kept at {1} (was {0}).";
    // Identity
    WhoUnknown => "Anda belum terdaftar di warta.toml (login: {0}, email: {1}): akses hanya-baca. Minta admin menambahkan Anda di [[people]] dengan logins = [\"{0}\"].", "You are not in warta.toml (login: {0}, email: {1}): read-only access. Ask an admin to add you under [[people]] with logins = [\"{0}\"].";
    // CLI output
    OutCreated => "Dibuat: {0}", "Created: {0}";
    ErrExportNoBaseUrl => "Alamat situs belum diatur: tambahkan [site] base_url = \"https://…\" di warta.toml.", "The website's address is not set: add [site] base_url = \"https://…\" to warta.toml.";
    ErrExportNotOurs => "Folder {0} berisi berkas lain dan bukan hasil ekspor warta; pilih folder kosong.", "Folder {0} holds other files and no warta export; choose an empty folder.";
    ErrExportOther => "Folder {0} berisi ekspor {1}; pilih folder lain.", "Folder {0} holds a {1} export; choose another folder.";
    OutExported => "Ekspor ke {0}: {1} berita terbit, {2} ditulis, {3} dihapus, {4} halaman lain diperbarui.", "Exported to {0}: {1} published items, {2} written, {3} removed, {4} other pages updated.";
    OutPhotoMissing => "{0}: foto {1} tidak ada di folder berita, dilewati.", "{0}: photo {1} is not in the item's folder; skipped.";
    OutAfterPublishOk => "Perintah setelah terbit selesai; keluarannya di {0}.", "The after-publish command finished; its output is in {0}.";
    OutAfterPublishFailed => "Perintah setelah terbit gagal ({0}); berita tetap terbit. Keluarannya di {1}.", "The after-publish command failed ({0}); the item stays published. Its output is in {1}.";
    InvNotPublished => "{0} belum terbit: teks media sosial dan catatan unggahan hanya untuk berita terbit.", "{0} is not published: social media texts and post records are for published items only.";
    OutDone => "{0}: {1} (commit {2})", "{0}: {1} (commit {2})";
    OutNothing => "Tidak ada perubahan; tidak ada commit.", "Nothing changed; no commit.";
    OutMerged => "Digabung dengan suntingan orang lain yang terjadi bersamaan.", "Merged with a concurrent edit by someone else.";
    OutSkipped => "Berkas {0} di work tree tidak diperbarui karena ada perubahan lokal.", "Work-tree file {0} was left alone: it has local modifications.";
    OutBrokenLine => "RUSAK {0}:{1}: {2}", "BROKEN {0}:{1}: {2}";
    OutNoItems => "Tidak ada berita.", "No items.";
    TuiSubmitChecklist => "Daftar periksa menandai (✗ wajib, ! anjuran):", "The checklist flags (✗ required, ! recommended):";
    TuiSubmitBlocked => "Boleh diajukan, tetapi belum bisa disetujui sebelum setiap ✗ diperbaiki.", "It may be submitted, but it cannot be approved until every ✗ is fixed.";
    TuiHelpScroll => "↑↓ PgUp PgDn menggulir · Esc menutup bantuan", "↑↓ PgUp PgDn scroll · Esc closes the help";
    TuiEmptyAuthor => "Belum ada tugas. Tekan n untuk menulis berita baru, atau Tab untuk melihat semua berita.", "Nothing to do yet. Press n to write a new item, or Tab to see every item.";
    TuiEmptyApprover => "Tidak ada berita yang menunggu Anda. Tekan Tab untuk melihat semua berita, atau n untuk menulis berita baru.", "Nothing is waiting for you. Press Tab to see every item, or n to write a new one.";
    TuiEmptyFiltered => "Tidak ada berita yang cocok. Tekan 0 untuk menghapus penyaring dan pencarian.", "No item matches. Press 0 to clear the filters and the search.";
    OutApprovalValid => "persetujuan sah", "approval valid";
    OutApprovalStale => "PERSETUJUAN USANG", "APPROVAL STALE";
    OutThreadResolved => "selesai", "resolved";
    OutThreadOpen => "terbuka", "open";
    OutParagraph => "paragraf", "paragraph";
    OutOutdated => "usang", "outdated";
    OutInit => "Redaksi dibuat di {0} (cabang {1}).", "Newsroom created in {0} (branch {1}).";
    OutDiffFrom => "Perbedaan sejak peristiwa #{0} ({1}, {2}, {3}):", "Changes since event #{0} ({1}, {2}, {3}):";
    OutDiffNone => "Tidak ada perbedaan.", "No changes.";
    OutDiffByParagraph => "Terlalu banyak perubahan untuk dibandingkan per kata: dibandingkan per paragraf.", "Too many changes to compare word by word: compared by paragraph.";
    OutDiffTooDifferent => "Terlalu berbeda untuk dibandingkan: kedua versi ditampilkan, yang lama lebih dulu.", "Too different to compare: both versions follow, the older first.";
    OutDiffOld => "── Versi pada peristiwa #{0} ──", "── Version at event #{0} ──";
    OutDiffNew => "── Versi terkini ──", "── Current version ──";
    OutNoEvent => "Peristiwa \"{0}\" tidak ada dalam riwayat berita ini.", "No event \"{0}\" in this item's history.";
    OutMigrated => "Dipindahkan ke folder per tanggal: {0} berita, {1} catatan (commit {2}).", "Moved into date folders: {0} items, {1} logs (commit {2}).";
    OutMigrateNothing => "Redaksi ini sudah memakai folder per tanggal; tidak ada yang dipindah.", "This newsroom already uses date folders; nothing to move.";
    OutVerifyOk => "Riwayat bersih: {0} commit diperiksa, tidak ada pelanggaran.", "History is clean: {0} commits checked, no violations.";
    OutVerifyBad => "{0} masalah ditemukan dalam {1} commit.", "{0} problems found in {1} commits.";
    OutBodyRead => "Tidak dapat membaca isi dari {0}: {1}", "Cannot read the body from {0}: {1}";
    OutFieldTitle => "Judul", "Title";
    OutFieldStatus => "Status", "Status";
    OutFieldKecamatan => "Kecamatan", "Kecamatan";
    OutFieldAuthor => "Penulis", "Author";
    OutFieldTags => "Tag", "Tags";
    OutFieldUpdated => "Diperbarui", "Updated";
    OutFieldContent => "Versi isi (untuk --content)", "Content version (for --content)";
    OutFieldPhotos => "Foto", "Photos";
    OutFieldThreads => "Komentar", "Comments";
    OutFieldHistory => "Riwayat", "History";
    OutFieldLocation => "Lokasi", "Location";
    OutDemoBuilt => "Redaksi demo dibuat di {0}", "Demo newsroom built in {0}";
    OutDemoKept => "Redaksi demo tetap ada di {0}", "The demo newsroom stays in {0}";
    // TUI
    DoneCreate => "Berita dibuat.", "Item created.";
    DoneEdit => "Tersimpan.", "Saved.";
    DoneSubmit => "Berhasil diajukan.", "Submitted.";
    DoneWithdraw => "Berhasil ditarik kembali.", "Withdrawn.";
    DoneRequestChanges => "Permintaan revisi terkirim.", "Changes requested.";
    DoneApprove => "Berhasil disetujui.", "Approved.";
    DoneReject => "Berita ditolak.", "Rejected.";
    DonePublish => "Berhasil diterbitkan.", "Published.";
    DoneComment => "Komentar terkirim.", "Comment sent.";
    DoneReply => "Balasan terkirim.", "Reply sent.";
    DoneResolve => "Utas diselesaikan.", "Thread resolved.";
    DoneRepair => "Catatan diperbaiki.", "Log repaired.";
    DoneShared => "Unggahan dicatat.", "Post recorded.";
    TuiWorking => "Memproses {0}…", "Working on {0}…";
    TuiTooSmall => "Terminal terlalu kecil ({0}x{1}). warta perlu minimal {2}x{3}: perbesar jendela.", "Terminal too small ({0}x{1}). warta needs at least {2}x{3}: enlarge the window.";
    TuiReadOnly => "hanya-baca", "read-only";
    TuiStale => "Perlu setuju ulang", "Re-approve";
    TuiQueueMine => "Tugas saya", "My work";
    TuiQueueAll => "Semua", "All";
    TuiQueuePublished => "Terbit", "Published";
    TuiSearch => "Cari:", "Search:";
    TuiResults => "{0} berita", "{0} items";
    TuiResultsOne => "{0} berita", "{0} item";
    TuiLoading => "Memuat redaksi…", "Loading the newsroom…";
    TuiApprovalStale => "PERSETUJUAN USANG: isi berubah sejak disetujui", "APPROVAL STALE: content changed since approval";
    TuiApprovalValid => "persetujuan sah untuk isi ini", "approval valid for this content";
    TuiApprovalNone => "belum disetujui", "not approved";
    TuiDecisionReason => "{0}: {1}", "{0}: {1}";
    TuiEventDate => "Tanggal kegiatan", "Event date";
    TuiNoCaption => "(tanpa keterangan foto)", "(no caption)";
    TuiLoginAs => "Masuk sebagai…", "Log in as…";
    TuiHelpTitle => "Tombol", "Keys";
    TuiConfirm => "Yakin {0} \"{1}\"?", "Really {0} \"{1}\"?";
    TuiConfirmKeys => "y / Enter: ya    n / Esc: batal", "y / Enter: yes    n / Esc: cancel";
    TuiMessageRequired => "Tulis pesan (wajib):", "Write a message (required):";
    TuiMessageOptional => "Catatan (boleh kosong):", "Note (optional):";
    TuiComposeKeys => "Enter: kirim    Alt-Enter: baris baru    Esc: batal (teks disimpan)", "Enter: send    Alt-Enter: new line    Esc: cancel (text kept)";
    RelNow => "baru saja", "just now";
    RelMinutes => "{0} menit lalu", "{0} min ago";
    RelHours => "{0} jam lalu", "{0} hours ago";
    RelDays => "{0} hari lalu", "{0} days ago";
    // Photos
    ActAttach => "lampirkan foto", "attach photo";
    DoneAttach => "Foto dilampirkan.", "Photo attached.";
    RulePhotos => "ada foto", "has a photo";
    RulePhotoWidth => "lebar foto", "photo width";
    PhotoNotAPhoto => "Tidak diizinkan: berkas ini bukan foto JPEG, PNG atau WebP.", "Not allowed: this file is not a JPEG, PNG or WebP photo.";
    PhotoTooLarge => "Tidak diizinkan: foto {0} MB, lebih besar dari batas {1} MB.", "Not allowed: the photo is {0} MB, more than the {1} MB limit.";
    PhotoTooManyPixels => "Tidak diizinkan: foto {0}×{1} piksel, lebih dari batas {2} megapiksel.", "Not allowed: the photo is {0}×{1} pixels, more than the {2}-megapixel limit.";
    PhotoDamaged => "Tidak diizinkan: foto tidak dapat dibaca utuh (terpotong atau rusak): {0}", "Not allowed: the photo cannot be read whole (cut off or damaged): {0}";
    PhotoMetadata => "Tidak diizinkan: foto membawa metadata ({0}), mis. lokasi GPS. Kirim lewat `warta attach`, yang menghapusnya.", "Not allowed: the photo carries metadata ({0}), such as a GPS position. Send it with `warta attach`, which removes it.";
    PhotoTooMany => "Tidak diizinkan: berita ini sudah punya {0} foto, batas satu berita.", "Not allowed: this item already has {0} photos, the most an item may have.";
    PhotoBadName => "Tidak diizinkan: {0} bukan nama berkas foto buatan warta.", "Not allowed: {0} is not a photo file name warta makes.";
    PhotoExists => "Tidak diizinkan: berita ini sudah punya foto {0}.", "Not allowed: this item already has a photo {0}.";
    PhotoNotOnlyAdded => "Tidak diizinkan: melampirkan foto hanya menambah satu foto, tanpa mengubah yang lain.", "Not allowed: attaching adds one photo and changes nothing else.";
    OutAttached => "Foto {0} dilampirkan ke {1} ({2}×{3} piksel, metadata dihapus).", "Photo {0} attached to {1} ({2}×{3} pixels, metadata removed).";
    OutAttachRead => "Tidak dapat membaca {0}: {1}", "Cannot read {0}: {1}";
    IoNotFound => "berkas itu tidak ada (periksa nama dan foldernya)", "there is no such file (check its name and folder)";
    IoDenied => "tidak ada izin membacanya", "no permission to read it";
    IoFolder => "itu folder, bukan berkas", "it is a folder, not a file";
    SshAttachUsage => "Tidak diizinkan: lewat SSH hanya `attach SLUG NAMA < foto.jpg` yang diterima.", "Not allowed: over SSH only `attach SLUG NAME < photo.jpg` is accepted.";
    KeyNextPhoto => "foto berikutnya", "next photo";
    TuiPhotoKeys => "↑↓ pilih · Enter keterangan/kredit · Alt-↑↓ geser · Ctrl-P sampul · Ctrl-D hapus", "↑↓ choose · Enter caption/credit · Alt-↑↓ move · Ctrl-P cover · Ctrl-D remove";
    TuiNoPhotos => "Belum ada foto. Kirim dari HP: ssh redaksi attach {0} nama.jpg < foto.jpg", "No photos yet. Send one from the phone: ssh newsroom attach {0} name.jpg < photo.jpg";
    TuiNoPhotosNew => "Belum ada foto. Simpan berita dulu (Ctrl-S), lalu kirim foto dengan `attach`.", "No photos yet. Save the item first (Ctrl-S), then send photos with `attach`.";
    TuiPhotoCaption => "Keterangan", "Caption";
    TuiPhotoCredit => "Kredit", "Credit";
    TuiPhotoCover => "sampul", "cover";
    TuiPhotoLoading => "memuat foto…", "loading photo…";
    TuiPhotoCount => "{0} foto", "{0} photo(s)";
    TuiPhotoOf => "Foto {0}/{1}", "Photo {0}/{1}";
    TuiPhotoMore => "f: foto berikutnya", "f: next photo";
    // Key help
    KeyUp => "naik", "up";
    KeyDown => "turun", "down";
    KeyPageUp => "halaman naik", "page up";
    KeyPageDown => "halaman turun", "page down";
    KeyTop => "paling atas", "top";
    KeyBottom => "paling bawah", "bottom";
    KeyOpen => "buka", "open";
    KeyBack => "kembali", "back";
    KeyQuit => "keluar", "quit";
    KeyHelp => "bantuan", "help";
    KeyEvaluation => "evaluasi", "evaluation";
    KeyPrevPeriod => "periode lalu", "previous period";
    KeyNextPeriod => "periode depan", "next period";
    KeyMeasure => "ukuran", "measure";
    KeyDrillDown => "rincian", "details";
    KeySearch => "cari", "search";
    KeyQueue => "antrean berikut", "next queue";
    KeyFilterStatus => "saring status", "filter by status";
    KeyFilterKecamatan => "saring kecamatan", "filter by kecamatan";
    KeyFilterTag => "saring tag", "filter by tag";
    KeyClearFilters => "hapus saringan", "clear filters";
    KeySubmit => "ajukan", "submit";
    KeyWithdraw => "tarik kembali", "withdraw";
    KeyApprove => "setujui", "approve";
    KeyRequestChanges => "minta revisi", "request changes";
    KeyReject => "tolak", "reject";
    KeyPublish => "terbitkan", "publish";
    KeyComment => "komentar", "comment";
    KeyBackspace => "hapus huruf", "delete a character";
    KeyShare => "bagikan", "share";
    KeyShareChannel => "kanal", "channel";
    KeyShareCopy => "salin", "copy";
    KeyShareRecord => "catat alamat", "record address";
    TuiShareTitle => "Bagikan: {0}", "Share: {0}";
    TuiShareUrl => "Alamat unggahan {0}: ", "Address of the {0} post: ";
    TuiShareCount => "{0}/{1} karakter", "{0}/{1} characters";
    TuiShareTags => "{0}/{1} tagar", "{0}/{1} hashtags";
    TuiShareByHand => "Teks di bawah bisa juga disalin manual (pilih dengan tetikus).", "The text below can also be copied by hand (select it with the mouse).";
    TuiShareCopied => "Teks {0} disalin ke papan klip (OSC 52); bila tidak berhasil, salin manual dari layar.", "The {0} text was copied to the clipboard (OSC 52); if it did not arrive, copy it from the screen.";
    TuiShareNeedUrl => "Tempel dulu alamat unggahannya (https://…), lalu Enter.", "Paste the post's address (https://…) first, then Enter.";
    TuiShareShared => "Sudah dibagikan: {0}", "Shared so far: {0}";
    KeySend => "kirim", "send";
    KeyNewline => "baris baru", "new line";
    KeyYes => "ya", "yes";
    KeyNextParagraph => "paragraf berikut", "next paragraph";
    KeyPrevParagraph => "paragraf sebelumnya", "previous paragraph";
    KeyReply => "balas utas", "reply to thread";
    KeyResolve => "selesaikan utas", "resolve thread";
    KeyDiff => "perubahan", "changes";
    KeyDiffOlder => "bandingkan dengan versi lebih lama", "compare with an older version";
    KeyDiffNewer => "bandingkan dengan versi lebih baru", "compare with a newer version";
    KeyHistory => "riwayat", "history";
    KeyOpenVersion => "buka versi ini", "open this version";
    TuiDiffSince => "Perubahan sejak {0} oleh {1}, {2}   (< > versi lain, d teks bersih)", "Changes since {0} by {1}, {2}   (< > other version, d clean text)";
    TuiDiffLoading => "Memuat riwayat…", "Loading the history…";
    TuiBodyLoading => "Memuat isi berita…", "Loading the item's text…";
    TuiBodyUnreadable => "Isi berita {0} tidak dapat dibaca dari repositori; warta mencoba lagi setelah perubahan berikutnya. Kabari admin bila tetap begini.", "The text of {0} could not be read from the repository; warta tries again after the next change. Tell the admin if it stays so.";
    TuiBodyWait => "Isi berita masih dimuat; tunggu sebentar, lalu coba lagi.", "The item's text is still loading; wait a moment, then try again.";
    TuiDiffComputing => "Menghitung perubahan…", "Computing the changes…";
    TuiDiffByParagraph => "Terlalu banyak perubahan untuk dibandingkan per kata: dibandingkan per paragraf.", "Too many changes to compare word by word: compared by paragraph.";
    TuiDiffTooDifferent => "Terlalu berbeda: kedua versi ditampilkan berdampingan.", "Too different: both versions side by side.";
    TuiDiffOld => "Versi #{0}", "Version #{0}";
    TuiDiffNew => "Versi terkini", "Current version";
    TuiVersionOf => "Versi pada #{0} · {1} · {2} · {3}   (Esc: versi terkini)", "Version at #{0} · {1} · {2} · {3}   (Esc: current version)";
    TuiNoChange => "Tidak ada perubahan sejak versi ini.", "No change since this version.";
    TuiOpenThreadsAsk => "Masih ada {0} komentar yang belum selesai. Sudah ditangani semua? Ajukan \"{1}\"?", "There are still {0} open comments. Were they all addressed? Submit \"{1}\"?";
    TuiNoThreadHere => "Tidak ada utas terbuka di sini.", "No open thread here.";
    TuiGeneralComments => "Komentar umum dan usang", "General and outdated comments";
    TuiBadDate => "Tanggal kegiatan \"{0}\" tidak dikenali. Tulis misalnya 21/05/2024, 21 Mei 2024, hari ini, atau kemarin.", "Event date \"{0}\" is not a date. Write for example 21/05/2024, 21 May 2024, hari ini (today) or kemarin (yesterday).";
    TuiHintTitle => "Judul: singkat dan jelas, paling banyak {0} huruf.", "Title: short and clear, at most {0} characters.";
    TuiHintKecamatan => "← → memilih kecamatan.", "← → choose the kecamatan.";
    TuiHintDate => "Tanggal kegiatan: misalnya 21/05/2024, 21 Mei 2024, hari ini, kemarin.", "Event date: e.g. 21/05/2024, 21 May 2024, hari ini (today), kemarin (yesterday).";
    TuiHintLocation => "Tempat kegiatan, misalnya Balai Desa Polorejo.", "Where it happened, e.g. Balai Desa Polorejo.";
    TuiHintTags => "Tag dipisah koma, misalnya: pengawasan, pilkada-2024. Enter mengambil saran pertama.", "Tags separated by commas, e.g.: pengawasan, pilkada-2024. Enter takes the first suggestion.";
    TuiHintPhotos => "Keterangan wajib untuk setiap foto; kredit = nama pemotret.", "Every photo needs a caption; credit = who took it.";
    TuiHintBody => "Isi berita; paragraf dipisah satu baris kosong. Ctrl-S menyimpan.", "The text; paragraphs are separated by an empty line. Ctrl-S saves.";
    TuiSaving => "Menyimpan…", "Saving…";
    TuiSaved => "Tersimpan.", "Saved.";
    TuiSavedMerged => "Tersimpan, digabung dengan suntingan orang lain.", "Saved, merged with someone else's edit.";
    TuiKeepMine => "Versi Anda dipertahankan: tekan Ctrl-S untuk menyimpannya di atas versi lain.", "Your version is kept: press Ctrl-S to save it over the other one.";
    TuiTookTheirs => "Versi di cabang dipakai; versi Anda tersimpan di folder conflicts.", "The branch's version is used; yours is kept in the conflicts folder.";
    TuiMergeByHand => "Kedua versi ada di isi berita, ditandai <<<<<<< dan >>>>>>>: rapikan lalu Ctrl-S.", "Both versions are in the body, marked <<<<<<< and >>>>>>>: tidy up, then Ctrl-S.";
    TuiConflict => "Bentrok: orang lain mengubah bagian yang sama. Tidak ada yang hilang; pilih versi.", "Conflict: someone else changed the same part. Nothing is lost; choose a version.";
    TuiNoExternal => "Editor luar tidak tersedia di sesi ini.", "The external editor is not available in this session.";
    TuiCrashed => "warta berhenti karena galat internal; naskah yang sedang ditulis sudah disimpan dan akan ditawarkan lagi.", "warta stopped on an internal error; the text being written was saved and will be offered again.";
    TuiNoTerminal => "warta perlu terminal. Lewat SSH, sambung dengan: ssh -t …; untuk skrip, pakai perintah seperti warta list.", "warta needs a terminal. Over SSH, connect with: ssh -t …; for scripts, use commands such as warta list.";
    TuiMine => "versi saya", "my version";
    TuiTheirs => "versi di cabang", "branch version";
    TuiNewItem => "Berita baru", "New item";
    TuiFieldTitle => "Judul", "Title";
    TuiFieldDate => "Tanggal", "Date";
    TuiFieldBody => "Isi", "Body";
    TuiSuggest => "saran (Enter):", "suggestions (Enter):";
    TuiWords => "{0} kata · {1} menit baca", "{0} words · {1} min read";
    TuiUnsaved => "belum disimpan", "unsaved";
    TuiLeaveAsk => "Ada perubahan yang belum disimpan.", "There are unsaved changes.";
    TuiRestoreAsk => "Ada naskah tersimpan otomatis dari {0}. Pulihkan?", "There is an autosaved draft from {0}. Restore it?";
    TuiConflictTitle => "Bentrok penyimpanan", "Save conflict";
    TuiKabupaten => "(kabupaten)", "(kabupaten)";
    KeyNew => "berita baru", "new item";
    KeyEdit => "sunting", "edit";
    KeySave => "simpan", "save";
    KeyLeave => "keluar penyunting", "leave the editor";
    KeyNextField => "kolom berikut", "next field";
    KeyPrevField => "kolom sebelumnya", "previous field";
    KeyUndo => "urungkan", "undo";
    KeyRedo => "ulangi", "redo";
    KeyExternal => "buka di editor luar", "open in the external editor";
    KeySaveLeave => "simpan lalu keluar", "save and leave";
    KeyDiscard => "buang", "discard";
    KeyKeepWriting => "lanjut menulis", "keep writing";
    KeyRestore => "pulihkan", "restore";
    KeyKeepMine => "pakai versi saya", "keep my version";
    KeyTakeTheirs => "pakai versi di cabang", "take the branch's version";
    KeyMergeByHand => "gabungkan manual", "merge by hand";
    KeyNo => "tidak", "no";
    TuiNoticesTitle => "Sejak kunjungan terakhir", "Since your last visit";
    TuiSince => "sejak {0}  (Esc: tutup)", "since {0}  (Esc: close)";
    TuiAlsoOpen => "Juga dibuka oleh: {0}", "Also open by: {0}";
    TuiEditingNow => "sedang menyunting", "editing now";
    TuiOthersEditing => "Perhatian: {0} sedang menyunting berita ini; simpanan Anda akan digabung dengan suntingannya.", "Note: {0} is editing this item now; your save will be merged with theirs.";
    TuiEndedRemoved => "Sesi berakhir: {0} tidak lagi terdaftar di redaksi ini. Hubungi admin bila masih bertugas.", "Session ended: {0} is no longer a person of this newsroom. Contact the admin if you still serve.";
    TuiEndedExpired => "Sesi berakhir: akun {0} berakhir pada {1}. Hubungi admin bila masih bertugas.", "Session ended: the account of {0} ended on {1}. Contact the admin if you still serve.";
    TuiEndedKept => "Naskah yang belum disimpan sudah disimpan di jurnal dan akan ditawarkan lagi.", "The unsaved text was kept in the journal and will be offered again.";
    TuiEndedUnsent => "Pesan yang belum terkirim: {0}", "Your unsent message: {0}";
    TuiNoLongerVisible => "Berita ini tidak lagi terlihat untuk Anda.", "This item is no longer visible to you.";
    // SSH sessions and keys
    SessionNoAs => "--as tidak boleh dipakai dalam sesi: identitas ditentukan oleh kunci SSH.", "--as is not allowed in a session: the SSH key decides who you are.";
    SessionUnknown => "\"{0}\" tidak terdaftar di redaksi ini. Hubungi admin.", "\"{0}\" is not a person of this newsroom. Contact the admin.";
    SessionGitAdminOnly => "Akses git lewat SSH hanya untuk admin. Gunakan warta seperti biasa: ssh -t.", "git over SSH is for admins only. Use warta as usual: ssh -t.";
    SessionGitOtherRepo => "Kunci ini hanya membuka repositori redaksi ini.", "This key opens only this newsroom's repository.";
    SessionGitNoHook => "Push ditolak: pasang dulu pemeriksa push (warta hook install) di server.", "Push refused: install the push check (warta hook install) on the server first.";
    SessionExpired => "Akun {0} berakhir pada {1}. Hubungi admin bila masih bertugas.", "The account of {0} ended on {1}. Contact the admin if you still serve.";
    KeysBadPath => "Jalur {0} berisi karakter yang tidak aman untuk authorized_keys.", "The path {0} holds characters that are not safe in authorized_keys.";
    KeysBadKey => "Kunci milik {0} tidak berbentuk kunci publik SSH.", "A key of {0} does not look like an SSH public key.";
    KeysMissing => "kurang:", "missing:";
    KeysChanged => "berbeda:", "differs:";
    KeysExtra => "lebih:", "extra:";
    KeysSame => "authorized_keys sudah sesuai dengan warta.toml.", "authorized_keys matches warta.toml.";
    KeysDiffer => "{0} baris berbeda dari warta.toml.", "{0} lines differ from warta.toml.";
    HookNoPusher => "Push ditolak: server tidak menyebut siapa yang mendorong (WARTA_PUSHER, GITEA_PUSHER_NAME atau GL_USERNAME).", "Push refused: the server did not name the pusher (WARTA_PUSHER, GITEA_PUSHER_NAME or GL_USERNAME).";
    HookDelete => "Push ditolak: cabang {0} tidak boleh dihapus.", "Push refused: branch {0} may not be deleted.";
    HookRefused => "Push ditolak: {0} pelanggaran aturan redaksi.", "Push refused: {0} violations of the newsroom's rules.";
    // Verify findings
    VerRewritten => "riwayat ulasan {0} ditulis ulang (peristiwa lama diubah atau dihapus)", "review log {0} was rewritten (old events changed or removed)";
    VerActorMismatch => "peristiwa atas nama {0} tetapi commit dibuat oleh {1}", "event in the name of {0} but committed by {1}";
    VerUnknownActor => "pelaku {0} tidak ada di warta.toml", "actor {0} is not in warta.toml";
    VerNoEvent => "isi {0} berubah tanpa peristiwa sunting", "content of {0} changed without an edit event";
    VerContent => "persetujuan/pengajuan mencatat isi yang berbeda dari isi sebenarnya", "approval/submission records content that differs from the actual content";
    VerConfig => "warta.toml diubah oleh {0} yang bukan admin", "warta.toml changed by {0}, who is not an admin";
    VerBroken => "berkas rusak {0} baris {1}: {2}", "broken file {0} line {1}: {2}";
    VerRefused => "tindakan ini tidak mungkin dilakukan lewat warta: {0}", "warta would refuse this action: {0}";
    VerMismatch => "commit menulis sesuatu yang lain dari yang dicatat tindakannya (peristiwa, isi, penulis atau judul berbeda)", "the commit wrote something other than its action writes (another event, content, author or title)";
    VerNotOneAction => "satu commit harus tepat satu tindakan pada satu berita (atau hanya warta.toml)", "one commit must be exactly one action on one item (or warta.toml alone)";
    VerConfigInvalid => "commit ini membuat warta.toml tidak sah: {0}", "this commit leaves warta.toml invalid: {0}";
    VerUnjudgeable => "tidak ada warta.toml yang sah untuk menilai commit ini", "no valid warta.toml to judge this commit by";
    VerUnexpected => "berkas yang tidak pernah ditulis warta: {0} (tautan simbolik, folder di dalam berita, atau nama lain)", "a file warta never writes: {0} (a symlink, a folder inside an item, or another name)";
    VerMigration => "commit ini memindahkan berita antar-susunan folder tetapi bukan migrasi warta yang utuh oleh admin (isi dan catatan sama, hanya dipindah).", "this commit moves items between folder layouts but is not a whole warta migration by an admin (same items and logs, only moved).";
    VerUnreadable => "commit ini membuat {0} tidak terbaca: {1}", "this commit leaves {0} unreadable: {1}";
    // Evaluation report (warta report, the Evaluasi screen)
    RepTitle => "Evaluasi kehumasan", "Publication evaluation";
    RepPeriod => "Periode {0} ({1} s.d. {2}), dinilai sampai {3}, zona {4}", "Period {0} ({1} to {2}), judged up to {3}, zone {4}";
    RepKabupaten => "(tingkat kabupaten)", "(kabupaten-wide)";
    RepTotal => "Jumlah", "Total";
    RepColKecamatan => "Kecamatan", "Kecamatan";
    RepColCreated => "Dibuat", "Created";
    RepColSubmitted => "Diajukan", "Submitted";
    RepColPublished => "Terbit", "Published";
    RepColRepublished => "Koreksi", "Corrections";
    RepColRejected => "Ditolak", "Rejected";
    RepColToApproval => "Ke setuju (jam)", "To approval (h)";
    RepColToPublication => "Ke terbit (jam)", "To publish (h)";
    RepColRounds => "Revisi", "Changes";
    RepColQuality => "Gagal cek", "Failed checks";
    RepColDaysSince => "Hari sejak", "Days since";
    RepColGap => "Jeda maks", "Max gap";
    RepColPosts => "Unggahan", "Posts";
    RepColTargetPublished => "Target terbit", "Publish target";
    RepColTargetPosts => "Target unggah", "Post target";
    RepColVerdict => "Penilaian", "Verdict";
    RepColWeekly => "Terbit per minggu", "Published per week";
    RepColValue => "Nilai", "Value";
    RepColWeeklyShort => "Per minggu", "Weekly";
    RepVerdictConsistent => "konsisten", "consistent";
    RepVerdictIrregular => "perlu perhatian", "needs attention";
    RepVerdictSilent => "tidak terbit", "silent";
    RepTargets => "Target: {0} terbit/minggu, {1} unggahan/hari", "Targets: {0} published/week, {1} posts/day";
    RepNoTargets => "Belum ada [targets] di warta.toml", "No [targets] in warta.toml";
    RepUnknownCaller => "Laporan hanya untuk orang yang terdaftar di redaksi ini.", "The report is only for people of this newsroom.";
    RepWritten => "Laporan HTML ditulis ke {0}", "HTML report written to {0}";
    RepLegend => "Konsisten: terbit tiap minggu dan memenuhi target; perlu perhatian: ada minggu tanpa terbitan atau di bawah target. Ke setuju / Ke terbit: median/p90 jam dari ajuan ke persetujuan dan dari persetujuan ke terbit. Revisi: rata-rata permintaan revisi per berita yang pertama diajukan dalam periode. Gagal cek: ajuan pertama yang gagal aturan wajib / yang diperiksa. Hari sejak: hari sejak terbit terakhir. Jeda maks: hari berturut-turut terpanjang tanpa terbitan. Koreksi: terbit ulang berita yang sudah pernah terbit.", "Consistent: published every week and met the target; needs attention: a week without publication or below target. To approval / To publish: median/p90 hours from submission to approval and from approval to publication. Changes: mean requests for changes per item first submitted in the period. Failed checks: first submissions failing a required rule / those checked. Days since: days since the last publication. Max gap: longest run of days without one. Corrections: items published again.";
    RepMeasure => "Urut menurut: {0}", "Ranked by: {0}";
    RepMeasurePublished => "berita terbit", "items published";
    RepMeasureAttainment => "capaian target terbit (%)", "publishing target attained (%)";
    RepMeasureDaysSince => "hari sejak terbit terakhir", "days since last publication";
    RepMeasureLongestGap => "jeda terpanjang (hari)", "longest gap (days)";
    RepMeasureToApproval => "median jam sampai disetujui", "median hours to approval";
    RepMeasureQuality => "% ajuan pertama gagal cek wajib", "% first submissions failing required checks";
    RepMeasurePosts => "unggahan tercatat", "posts recorded";
    RepComputing => "Menghitung evaluasi…", "Computing the evaluation…";
    RepExplain => "Peringkat kecamatan menurut ukuran terpilih; garis kecil = terbitan per minggu.", "Kecamatan ranked by the chosen measure; small bars = publications per week.";
    RepItemsOf => "Berita {0} pada {1}", "Items of {0} in {1}";
    RepNoItems => "Tidak ada kegiatan pada periode ini.", "No activity in this period.";
    RepBarTitle => "Grafik: {0}", "Chart: {0}";
    RepNone => "tidak ada", "none";
    // Administration
    AdmNotAdmin => "Tidak diizinkan: hanya admin aktif yang boleh mengubah orang, kunci, kecamatan, dan tag.", "Not allowed: only an active admin may change people, keys, kecamatan and tags.";
    AdmUnknownPerson => "Tidak diizinkan: tidak ada orang dengan id {0}.", "Not allowed: nobody has the id {0}.";
    AdmPersonExists => "Tidak diizinkan: id {0} sudah dipakai.", "Not allowed: the id {0} is taken.";
    AdmUnknownKecamatan => "Tidak diizinkan: tidak ada kecamatan {0}. Tambahkan dulu: warta kecamatan add ID NAMA", "Not allowed: there is no kecamatan {0}. Add it first: warta kecamatan add ID NAME";
    AdmKecamatanExists => "Tidak diizinkan: kecamatan {0} sudah ada.", "Not allowed: kecamatan {0} exists already.";
    AdmBadId => "Tidak diizinkan: {0} bukan id yang sah (hanya a-z, 0-9, dan -).", "Not allowed: {0} is not a valid id (a-z, 0-9 and - only).";
    AdmBadName => "Tidak diizinkan: nama, email, dan login harus satu baris teks tanpa karakter kendali (login tanpa spasi).", "Not allowed: names, emails and logins must be one line of text without control characters (logins without spaces).";
    AdmAuthorNeedsKecamatan => "Tidak diizinkan: penulis {0} perlu kecamatan (--kecamatan).", "Not allowed: author {0} needs a kecamatan (--kecamatan).";
    AdmLoginTaken => "Tidak diizinkan: login {0} sudah milik {1}.", "Not allowed: login {0} already belongs to {1}.";
    AdmEmailTaken => "Tidak diizinkan: email {0} sudah milik {1} (warta mengenali orang dari emailnya).", "Not allowed: email {0} already belongs to {1} (warta knows people by their email).";
    AdmBadKey => "Tidak diizinkan: kunci ke-{0} bukan kunci publik SSH: {1}.", "Not allowed: key {0} is not an SSH public key: {1}.";
    AdmKeyEmpty => "kosong", "empty";
    AdmKeyLines => "lebih dari satu baris", "more than one line";
    AdmKeyType => "jenis {0} tidak dikenal (harus ssh-ed25519, ssh-rsa, atau ecdsa-sha2-…; tanpa opsi di depannya)", "unknown type {0} (must be ssh-ed25519, ssh-rsa or ecdsa-sha2-…, with no options in front)";
    AdmKeyBase64 => "isi kunci bukan base64", "the key body is not base64";
    AdmKeyMismatch => "isi kunci tidak cocok dengan jenisnya (terpotong saat disalin?)", "the key body does not match its type (cut off when copied?)";
    AdmKeyComment => "komentar berisi tanda kutip atau karakter kendali", "the comment holds quotes or control characters";
    AdmKeyPrivate => "ini kunci PRIVAT; kirim berkas .pub saja dan jangan bagikan kunci privat", "this is a PRIVATE key; send only the .pub file and never share the private key";
    AdmKeyTaken => "Tidak diizinkan: kunci ini sudah milik {0}.", "Not allowed: this key already belongs to {0}.";
    AdmNoSuchKey => "Tidak diizinkan: {0} tidak punya kunci nomor {1}.", "Not allowed: {0} has no key number {1}.";
    AdmBadTag => "Tidak diizinkan: tag {0} hanya boleh berisi a-z, 0-9, dan -.", "Not allowed: the tag {0} may only hold a-z, 0-9 and -.";
    AdmTagExists => "Tidak diizinkan: tag {0} sudah ada.", "Not allowed: the tag {0} exists already.";
    AdmUnknownTag => "Tidak diizinkan: tidak ada tag {0}.", "Not allowed: there is no tag {0}.";
    AdmNoAdminLeft => "Tidak diizinkan: redaksi harus tetap punya setidaknya satu admin aktif.", "Not allowed: the newsroom must keep at least one active admin.";
    AdmUnchanged => "Tidak ada perubahan; tidak ada commit.", "Nothing changes; no commit.";
    AdmEmptyGroup => "Tidak diizinkan: tidak ada penulis dalam kelompok itu.", "Not allowed: there are no authors in that group.";
    AdmInvalid => "Tidak diizinkan: warta.toml akan menjadi tidak sah: {0}", "Not allowed: warta.toml would become invalid: {0}";
    AdmUnwritable => "Tidak diizinkan: warta.toml ditulis dalam bentuk yang tidak dapat diubah perintah ini (misalnya tabel sebaris); ubah dengan tangan.", "Not allowed: warta.toml is written in a form these commands cannot change (inline tables, for example); change it by hand.";
    AdmConfigMoved => "warta.toml diubah orang lain barusan; tidak ada yang ditulis. Coba lagi.", "Someone else changed warta.toml just now; nothing was written. Try again.";
    AdmDoneAdd => "{0} ditambahkan (commit {1}).", "{0} added (commit {1}).";
    AdmDoneEdit => "Data {0} diperbarui (commit {1}).", "{0} updated (commit {1}).";
    AdmDoneTerm => "Masa aktif {0} orang: sampai {1} (commit {2}).", "Term of {0} people: until {1} (commit {2}).";
    AdmNoEnd => "tanpa batas", "no end";
    AdmDoneRemove => "{0} dihapus dari warta.toml (commit {1}).", "{0} removed from warta.toml (commit {1}).";
    AdmDoneKeysAdded => "{0} kunci ditambahkan untuk {1} (commit {2}). Berlaku di server setelah warta keys --write.", "{0} key(s) added for {1} (commit {2}). In force on the server after warta keys --write.";
    AdmDoneKeyRemoved => "Kunci nomor {0} milik {1} dihapus (commit {2}).", "Key number {0} of {1} removed (commit {2}).";
    AdmDoneKecamatan => "{0} kecamatan ditambahkan (commit {1}).", "{0} kecamatan added (commit {1}).";
    AdmDoneRenamed => "Kecamatan {0} kini bernama {1} (commit {2}).", "Kecamatan {0} is now called {1} (commit {2}).";
    AdmDoneTags => "Tag diperbarui: {0} (commit {1}).", "Tags updated: {0} (commit {1}).";
    AdmDoneImport => "Impor selesai: {0} orang baru, {1} diubah, {2} tetap (commit {3}).", "Import done: {0} new people, {1} changed, {2} unchanged (commit {3}).";
    AdmDryRun => "Uji coba: {0} orang baru, {1} diubah, {2} tetap. Tidak ada yang ditulis.", "Dry run: {0} new people, {1} changed, {2} unchanged. Nothing was written.";
    AdmPlanAdd => "+ baris {0}: tambah {1}", "+ line {0}: add {1}";
    AdmPlanChange => "~ baris {0}: ubah {1}: {2}", "~ line {0}: change {1}: {2}";
    AdmPlanSame => "= baris {0}: {1} tetap", "= line {0}: {1} unchanged";
    AdmCsvLine => "Tidak diizinkan: {0} baris {1}: {2}. Tidak ada yang ditulis.", "Not allowed: {0} line {1}: {2}. Nothing was written.";
    AdmCsvEmpty => "berkas kosong", "the file is empty";
    AdmCsvQuote => "tanda kutip tidak ditutup", "a quote is not closed";
    AdmCsvColumn => "kolom {0} tidak dikenal (kolom: id, name, email, roles, kecamatan, logins, active_until, key)", "unknown column {0} (columns: id, name, email, roles, kecamatan, logins, active_until, key)";
    AdmCsvNoId => "tidak ada kolom id", "no id column";
    AdmCsvCells => "{0} sel, padahal judul kolom hanya {1}", "{0} cells, but the header has {1}";
    AdmCsvNoName => "orang baru perlu nama", "a new person needs a name";
    AdmCsvRole => "peran {0} tidak dikenal (author, editor, approver, admin)", "unknown role {0} (author, editor, approver, admin)";
    AdmCsvKecamatan => "kecamatan {0} tidak ada", "there is no kecamatan {0}";
    AdmCsvDate => "{0} bukan tanggal seperti 2025-03-31 atau 31/03/2025", "{0} is not a date like 2025-03-31 or 31/03/2025";
    AdmCsvTwice => "{0} sudah ada di baris sebelumnya", "{0} is on an earlier row too";
    AdmCsvKey => "kunci: {0}", "key: {0}";
    AdmExpiring => "{0} ({1}) berakhir {2}", "{0} ({1}) ends {2}";
    AdmExpiringTitle => "Akun yang berakhir dalam {0} hari:", "Accounts ending within {0} days:";
    AdmUncoveredTitle => "Kecamatan tanpa penulis aktif:", "Kecamatan without an active author:";
    AdmNoWarnings => "Tidak ada akun yang segera berakhir, dan setiap kecamatan punya penulis aktif.", "No account ends soon, and every kecamatan has an active author.";
    AdmKeysWritten => "{0} kunci ditulis ke {1} (mode 0600).", "{0} keys written to {1} (mode 0600).";
    AdmKeysWriteFailed => "Tidak dapat menulis {0}: {1}", "Cannot write {0}: {1}";
    AdmReadFailed => "Tidak dapat membaca {0}: {1}", "Cannot read {0}: {1}";
    AdmKeyList => "{0} punya {1} kunci; sebutkan nomornya: warta keys remove {0} NOMOR", "{0} has {1} keys; name the number: warta keys remove {0} NUMBER";
    AdmKecFileLine => "Tidak diizinkan: {0} baris {1}: {2}", "Not allowed: {0} line {1}: {2}";
    AdmNoKeys => "tanpa kunci", "no keys";
    AdmSaved => "Tersimpan di warta.toml (commit {0}). Kunci baru berlaku di server setelah warta keys --write.", "Saved in warta.toml (commit {0}). New keys are in force on the server after warta keys --write.";
    AdmTitle => "Admin · {0} orang · {1} kecamatan", "Admin · {0} people · {1} kecamatan";
    AdmColId => "Id", "Id";
    AdmColName => "Nama", "Name";
    AdmColRoles => "Peran", "Roles";
    AdmColKecamatan => "Kecamatan", "Kecamatan";
    AdmColUntil => "Aktif s/d", "Until";
    AdmColKeys => "Kunci", "Keys";
    AdmColSeen => "Terakhir masuk", "Last seen";
    AdmEnded => "berakhir", "ended";
    AdmNever => "belum pernah", "never";
    AdmFieldId => "Id (a-z, 0-9, -)", "Id (a-z, 0-9, -)";
    AdmFieldName => "Nama", "Name";
    AdmFieldEmail => "Email", "Email";
    AdmFieldRoles => "Peran (author editor approver admin)", "Roles (author editor approver admin)";
    AdmFieldKecamatan => "Kecamatan (id atau nama)", "Kecamatan (id or name)";
    AdmFieldLogins => "Login", "Logins";
    AdmFieldUntil => "Aktif sampai (2025-12-31 atau 31/12/2025; kosong: tanpa batas)", "Active until (2025-12-31 or 31/12/2025; empty: no end)";
    AdmFieldKey => "Kunci SSH baru (tempel baris .pub)", "New SSH key (paste the .pub line)";
    AdmFormAdd => "Tambah orang", "Add a person";
    AdmFormEdit => "Ubah {0} ({1} kunci)", "Change {0} (keys: {1})";
    AdmKeyOk => "✓ kunci sah: {0}", "✓ valid key: {0}";
    AdmKeyBadLive => "✗ {0}", "✗ {0}";
    AdmSending => "Menyimpan…", "Saving…";
    AdmExpiringShort => "Segera berakhir: {0}", "Ending soon: {0}";
    AdmUncoveredShort => "Tanpa penulis aktif: {0}", "No active author: {0}";
    KeyAdmin => "admin: orang dan kunci", "admin: people and keys";
    KeyAdminAdd => "tambah orang", "add a person";
    KeyAdminEdit => "ubah", "change";
    KeyAdminSave => "simpan", "save";
    KeyAdminCancel => "batal", "cancel";
    KeyAdminClear => "kosongkan kolom", "clear the field";
    // Sync
    SyncNoRemote => "Tidak ada server untuk disinkronkan: newsroom ini tidak dibuat dengan `warta clone`.", "No server to sync with: this newsroom was not made with `warta clone`.";
    SyncNoGit => "Program git tidak terpasang; sinkronisasi memerlukannya (apt-get install git).", "git is not installed; syncing needs it (apt-get install git).";
    SyncOffline => "Server tidak terjangkau ({0}). Tindakan tetap tersimpan di sini dan ikut terkirim pada sinkronisasi berikutnya.", "Could not reach the server ({0}). Actions stay saved here and go with the next sync.";
    SyncBusy => "Server terus berubah selama sinkronisasi; coba lagi sebentar lagi.", "The server kept changing during the sync; try again shortly.";
    SyncServerCheckedOut => "Server menolak kiriman: salinan di server adalah folder kerja yang sedang membuka cabang ini. Minta admin menjadikannya repositori bare (git clone --bare), atau menjalankan di sana: git config receive.denyCurrentBranch updateInstead. Tindakan tetap tersimpan di sini.", "The server refused the push: its copy is a work folder with this branch checked out. Ask the admin to make it a bare repository (git clone --bare), or to run there: git config receive.denyCurrentBranch updateInstead. The actions stay saved here.";
    SyncSame => "Sudah sama dengan server.", "Already the same as the server.";
    SyncReceived => "{0} tindakan diterima dari server.", "{0} actions received from the server.";
    SyncSent => "{0} tindakan terkirim.", "{0} actions sent.";
    SyncMerged => "{0}: digabung dengan perubahan di server.", "{0}: merged with the server's changes.";
    SyncConflict => "{0}: paragraf yang sama diubah di dua tempat; kedua versi disimpan di antara tanda <<<<<<< dan >>>>>>>. Rapikan di editor.", "{0}: the same paragraph was changed in two places; both versions are kept between <<<<<<< and >>>>>>> marks. Tidy it in the editor.";
    SyncRenamed => "{0}: nama sudah dipakai di server; berita ini kini {1}.", "{0}: the name was taken on the server; this item is now {1}.";
    SyncAside => "{0}({1}) tidak dikirim: {2} Disimpan di {3}.", "{0}({1}) was not sent: {2} Kept on {3}.";
    SyncNotAction => "Tidak diizinkan: bukan satu tindakan warta (perubahan git biasa).", "Not allowed: not one warta action (plain git changes).";
    SyncNotActor => "Tidak diizinkan: peristiwa atas nama {0} tetapi commit dibuat oleh {1}.", "Not allowed: event in the name of {0} but committed by {1}.";
    SyncFields => "judul atau kolom lain diubah di dua tempat; isian server dipakai, isian Anda disimpan.", "the title or another field changed in two places; the server's were kept, yours are saved.";
    SyncPushRefused => "Tidak diizinkan: server menolak kiriman. {0}", "Not allowed: the server refused the push. {0}";
    SyncPending => "{0} tindakan belum terkirim", "{0} actions not sent";
    SyncRunning => "Menyinkronkan dengan server…", "Syncing with the server…";
    KeySync => "sinkronkan", "sync";
    HookUnknownLogin => "Push ditolak: login {0} ({1}) tidak tercantum di logins siapa pun di warta.toml.", "Push refused: the login {0} ({1}) is in nobody's logins in warta.toml.";
    SyncKept => "{0} tindakan yang ditolak disimpan di refs/warta/refused/.", "{0} refused actions are kept on refs/warta/refused/.";
    CloneDone => "Newsroom disalin ke {0}. Bekerja seperti biasa, juga tanpa sinyal; `warta sync` mengirim dan mengambil tindakan.", "Newsroom copied to {0}. Work as usual, offline too; `warta sync` sends and fetches actions.";
    // Corrections, takedown and restore
    StatusTakenDown => "Diturunkan", "Taken down";
    ActCorrect => "ralat", "correct";
    ActTakedown => "turunkan", "take down";
    ActRestore => "pulihkan", "restore";
    DoneCorrect => "Ralat dimulai: versi terbit tetap tampil sampai ralat disetujui dan diterbitkan.", "Correction started: the published version stays up until the correction is approved and published.";
    DoneTakedown => "Berita diturunkan dari situs.", "Item taken down.";
    DoneRestore => "Berita dipulihkan: versi terbit terakhir tampil lagi.", "Item restored: its last published version is up again.";
    InvNoteRequired => "Tidak diizinkan: ralat perlu catatan untuk pembaca (-m), mis. \"Nama Ketua ditulis salah; yang benar Siti Aminah.\"", "Not allowed: a correction needs a note for readers (-m), e.g. \"The chair's name was misspelt; it is Siti Aminah.\"";
    OutCorrecting => "Ralat sedang berjalan ({0}): pembaca masih melihat versi terbit {1} ({2}). Teks kerja: warta show {3} --working; perubahan: warta diff {3}", "Correction under way ({0}): readers still see published version {1} ({2}). Working text: warta show {3} --working; changes: warta diff {3}";
    OutWorkingText => "Teks kerja ralat (belum terbit; pembaca melihat versi terbit {0}).", "Working text of the correction (not published; readers see published version {0}).";
    OutTakenDownLine => "Diturunkan: tidak tampil di situs. Alasan: {0}", "Taken down: not on the website. Reason: {0}";
    OutVersions => "Versi terbit:", "Published versions:";
    OutVersionPublic => "tampil sekarang", "public now";
    OutNoVersion => "Tidak ada versi terbit {0}: berita ini punya {1}.", "No published version {0}: this item has {1}.";
    OutDiffVersions => "Perbedaan versi terbit {0} ({1}) ke versi terbit {2} ({3}):", "Changes from published version {0} ({1}) to published version {2} ({3}):";
    OutVersionUnreadable => "Versi terbit {0} tidak dapat dibaca dari riwayat git.", "Published version {0} cannot be read from the git history.";
    KeyCorrect => "ralat berita terbit", "correct a published item";
    KeyTakedown => "turunkan dari situs", "take down";
    KeyRestore2 => "pulihkan ke situs", "restore";
    KeyVersions => "versi terbit", "published versions";
    KeyVersionPick => "pilih versi", "choose version";
    TuiCorrectHint => "Apa yang diralat? Kalimat ini menjadi catatan ralat untuk pembaca (penyetuju dapat mengubahnya saat menerbitkan):", "What is being corrected? This becomes the correction note readers see (the approver may reword it when publishing):";
    TuiTakedownHint => "Alasan menurunkan berita (wajib, tercatat di riwayat):", "Why it is taken down (required, kept in its history):";
    TuiCorrectionNoteHint => "Catatan ralat untuk pembaca (tampil bertanggal di bawah berita):", "Correction note for readers (shown, dated, below the item):";
    TuiNoVersions => "Berita ini belum pernah terbit.", "This item was never published.";
    TuiCorrecting => "Ralat sedang berjalan: pembaca masih melihat versi terbit {0} ({1}) sampai ralat disetujui dan diterbitkan.", "Correction under way: readers still see published version {0} ({1}) until the correction is approved and published.";
    TuiVersionsTitle => "Versi terbit: {0}", "Published versions: {0}";
    TuiVersionNote => "Catatan ralat: {0}", "Correction note: {0}";
    TuiFirstVersion => "Versi pertama, terbit {0}. Pilih versi berikutnya (↓) untuk melihat perubahannya.", "The first version, published {0}. Choose a later one (↓) to see its changes.";
    // Spelling and house style
    DenyConfigChange => "Tidak diizinkan: hanya admin yang dapat mengubah warta.toml; penyetuju hanya dapat menambah kata ke daftar ejaan redaksi.", "Not allowed: only admins change warta.toml; approvers may only add words to the newsroom's spelling list.";
    InvBadWord => "Tidak diizinkan: \"{0}\" bukan satu kata (huruf saja, tanda hubung atau apostrof di dalamnya, paling banyak 40 huruf).", "Not allowed: \"{0}\" is not one word (letters only, a hyphen or apostrophe inside, at most 40 letters).";
    RuleDiUsage => "penulisan \"di\"", "\"di\" apart or joined";
    RuleInstitutionNames => "penulisan nama lembaga", "institution names";
    RuleDateForm => "format hari dan tanggal", "day and date form";
    SpellNoDictionary => "Kamus ejaan bahasa Indonesia tidak ditemukan (pasang paket hunspell-id); ejaan tidak diperiksa.", "No Indonesian spelling dictionary found (install the hunspell-id package); spelling is not checked.";
    SpellHeading => "Ejaan", "Spelling";
    SpellStyleHeading => "Gaya selingkung", "House style";
    SpellNone => "tidak ada salah ketik", "no misspelled words";
    SpellNoStyle => "sesuai gaya selingkung", "house style kept";
    SpellFinding => "{0}:{1}  {2}  → {3}", "{0}:{1}  {2}  → {3}";
    SpellNoSuggestion => "(tidak ada saran)", "(no suggestion)";
    SpellCount => "{0} kata mungkin salah ketik", "{0} words may be misspelled";
    SpellWordsAdded => "Ditambahkan ke daftar kata redaksi: {0}", "Added to the newsroom's words: {0}";
    SpellWordsKnown => "Semua kata sudah ada di daftar redaksi.", "Every word is on the newsroom's list already.";
    SpellPersonalAdded => "Ditambahkan ke kamus pribadi: {0}", "Added to your own words: {0}";
    SpellPopupTitle => "Ejaan: {0}", "Spelling: {0}";
    SpellNoMore => "Tidak ada kata yang ditandai di layar.", "No marked words on screen.";
    SpellAddPersonal => "tambah ke kamus pribadi", "add to my words";
    SpellAddNewsroom => "tambah ke daftar redaksi", "add to the newsroom's words";
    KeySpellNext => "kata salah ketik berikutnya", "next misspelled word";
    KeySpellChoose => "pilih", "choose";
    KeySpellAddMine => "kamus pribadi", "my words";
    KeySpellAddNewsroom => "daftar redaksi", "newsroom's words";
    // Waiting for others
    TuiWaitingHeader => "Menunggu orang lain: {0} (setujui, terbitkan)", "Waiting for others: {0} (approve, publish)";
    // Filter pickers, threads in the editor
    TuiPickAll => "(semua)", "(all)";
    TuiPickType => "Ketik untuk menyaring: ", "Type to narrow: ";
    TuiPickNone => "Tidak ada yang cocok.", "Nothing matches.";
    KeyPickMove => "pilih", "choose";
    KeyPickApply => "terapkan", "apply";
    KeyCancel => "batal", "cancel";
    KeyThreads => "lihat komentar", "comments";
    TuiThreadsTitle => "Komentar peninjau", "Reviewers' comments";
    TuiThreadsNone => "Belum ada komentar pada berita ini.", "No comments on this item yet.";
    TuiThreadsNew => "Simpan dulu: komentar ada setelah berita tersimpan.", "Save first: comments come once the item is saved.";
    TuiThreadOn => "¶{0}", "¶{0}";
    TuiThreadOutdated => "paragrafnya sudah berubah", "its paragraph changed";
    TuiThreadGeneral => "umum", "general";
    TuiCommentOn => "{0} pada paragraf {1}: «{2}»", "{0} on paragraph {1}: «{2}»";
    // Submitting with a clean checklist
    TuiSubmitChecklistOk => "✓ Daftar periksa: semua aturan terpenuhi.", "✓ Checklist: every rule passes.";
    // Compact layout and mouse
    TuiShortDraft => "Draf", "Draft";
    TuiCorrectionBadge => "Ralat·{0}", "Fix·{0}";
    TuiShortCorrecting => "Ralat", "Fix";
    TuiShortSubmitted => "Ajuan", "Sent";
    TuiShortChanges => "Revisi", "Revise";
    TuiShortApproved => "Setuju", "OK";
    TuiShortPublished => "Terbit", "Live";
    TuiShortRejected => "Tolak", "Reject";
    TuiShortDiscarded => "Buang", "Gone";
    TuiShortTakenDown => "Turun", "Down";
    TuiShortStale => "Ulang", "Redo";
    // Discarding a draft
    StatusDiscarded => "Dibuang", "Discarded";
    ActDiscard => "buang draf", "discard";
    DoneDiscard => "Draf dibuang. Riwayatnya tetap tersimpan (warta log).", "Draft discarded. Its history is kept (warta log).";
    DenySubmittedOnce => "Tidak diizinkan: draf yang pernah diajukan tidak bisa dibuang, riwayat tinjauannya milik redaksi.", "Not allowed: a draft that was submitted once cannot be discarded; its review history belongs to the newsroom.";
    KeyDiscardDraft => "buang draf", "discard draft";
    TuiDiscardExplain => "Draf ini hilang dari daftar dan antrean, dan tidak bisa dipulihkan dari warta. Riwayatnya tetap tersimpan (warta log).", "The draft leaves every list and queue and cannot be brought back from warta. Its history is kept (warta log).";
    // Report periods
    RepBadPeriod => "Periode tidak dikenali: {0}. Tulis bulan seperti 2024-09, minggu seperti 2024-W36, atau tanggal seperti 2024-09-01 (--from tidak sesudah --to).", "Period not understood: {0}. Write a month like 2024-09, a week like 2024-W36 or dates like 2024-09-01 (--from not after --to).";
    // A popup's required message, in the TUI (no command-line flag to name)
    TuiPopupMessageMissing => "Tidak diizinkan: \"{0}\" wajib disertai pesan. Tulis pesannya di kotak ini, lalu Enter.", "Not allowed: \"{0}\" needs a message. Type it in this box, then Enter.";
    // What to do instead of editing a published item
    DenyEditSubmitted => "Tidak diizinkan: berita berstatus Diajukan tidak disunting. Tarik kembali dulu: tekan w (atau warta withdraw), sunting, lalu ajukan lagi.", "Not allowed: an item that is Submitted is not edited. Withdraw it first: press w (or warta withdraw), edit, then submit again.";
    DenyEditPublished => "Tidak diizinkan: berita berstatus Terbit tidak disunting langsung. Untuk mengubahnya, mulai ralat: tekan R (atau warta correct).", "Not allowed: an item that is Published is not edited directly. To change it, start a correction: press R (or warta correct).";
}

/// Why a file could not be read, in the person's language for the common cases (the
/// system's own words, in English, otherwise).
#[must_use]
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => Key::IoNotFound.text(lang).to_string(),
        std::io::ErrorKind::PermissionDenied => Key::IoDenied.text(lang).to_string(),
        std::io::ErrorKind::IsADirectory => Key::IoFolder.text(lang).to_string(),
        _ => e.to_string(),
    }
}

/// The text of a key with `{0}`, `{1}`… replaced by `args`.
#[must_use]
pub fn fmt(lang: Lang, key: Key, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = key.text(lang).to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &a.to_string());
    }
    out
}

/// A relative time ("2 jam lalu"); older than a month shows the date of `at`.
#[must_use]
pub fn relative(lang: Lang, seconds_ago: i64, at: &str) -> String {
    let s = seconds_ago.max(0);
    match s {
        0..60 => Key::RelNow.text(lang).to_string(),
        60..3600 => fmt(lang, Key::RelMinutes, &[&(s / 60)]),
        3600..86_400 => fmt(lang, Key::RelHours, &[&(s / 3600)]),
        86_400..2_592_000 => fmt(lang, Key::RelDays, &[&(s / 86_400)]),
        _ => at.get(..10).unwrap_or(at).to_string(),
    }
}

/// The label of a status.
#[must_use]
pub fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Draft => Key::StatusDraft,
        Status::Submitted => Key::StatusSubmitted,
        Status::ChangesRequested => Key::StatusChangesRequested,
        Status::Approved => Key::StatusApproved,
        Status::Published => Key::StatusPublished,
        Status::Rejected => Key::StatusRejected,
        Status::TakenDown => Key::StatusTakenDown,
        Status::Discarded => Key::StatusDiscarded,
    }
    .text(lang)
}

/// The label of an action.
#[must_use]
pub fn action(lang: Lang, a: ActionKind) -> &'static str {
    match a {
        ActionKind::Create => Key::ActCreate,
        ActionKind::Edit => Key::ActEdit,
        ActionKind::Submit => Key::ActSubmit,
        ActionKind::Withdraw => Key::ActWithdraw,
        ActionKind::RequestChanges => Key::ActRequestChanges,
        ActionKind::Approve => Key::ActApprove,
        ActionKind::Reject => Key::ActReject,
        ActionKind::Publish => Key::ActPublish,
        ActionKind::Comment => Key::ActComment,
        ActionKind::Reply => Key::ActReply,
        ActionKind::Resolve => Key::ActResolve,
        ActionKind::Repair => Key::ActRepair,
        ActionKind::Shared => Key::ActShared,
        ActionKind::Correct => Key::ActCorrect,
        ActionKind::Takedown => Key::ActTakedown,
        ActionKind::Restore => Key::ActRestore,
        ActionKind::Discard => Key::ActDiscard,
        ActionKind::Attach => Key::ActAttach,
    }
    .text(lang)
}

/// A moment as people write it, in the newsroom's zone: "21 Mei 2024, 10.04 WIB"
/// ("21 May 2024, 10:04 WIB"): the same everywhere a time is shown.
#[must_use]
pub fn when(lang: Lang, z: &jiff::Zoned) -> String {
    use crate::domain::dates::{MONTH_NAMES_EN as EN, MONTH_NAMES_ID as ID};
    let month = usize::try_from(z.month() - 1).unwrap_or(0);
    let zone = z.strftime("%Z");
    match lang {
        Lang::Id => format!(
            "{} {} {}, {:02}.{:02} {zone}",
            z.day(),
            ID[month],
            z.year(),
            z.hour(),
            z.minute()
        ),
        Lang::En => format!(
            "{} {} {}, {:02}:{:02} {zone}",
            z.day(),
            EN[month],
            z.year(),
            z.hour(),
            z.minute()
        ),
    }
}

/// The targets line of an evaluation report.
#[must_use]
pub fn report_targets(lang: Lang, t: &crate::domain::config::Targets) -> String {
    match (t.published_per_week, t.posts_per_day) {
        (None, None) => Key::RepNoTargets.text(lang).to_string(),
        (p, d) => fmt(
            lang,
            Key::RepTargets,
            &[
                &p.map_or_else(|| "-".into(), |v| v.to_string()),
                &d.map_or_else(|| "-".into(), |v| v.to_string()),
            ],
        ),
    }
}

/// The period line of an evaluation report.
#[must_use]
pub fn report_period(lang: Lang, r: &crate::domain::report::Report) -> String {
    fmt(
        lang,
        Key::RepPeriod,
        &[&r.label, &r.period.from, &r.period.to, &r.until, &r.timezone],
    )
}

/// What the status line says after an action went through, in natural words.
#[must_use]
pub fn done(lang: Lang, a: ActionKind) -> &'static str {
    match a {
        ActionKind::Create => Key::DoneCreate,
        ActionKind::Edit => Key::DoneEdit,
        ActionKind::Submit => Key::DoneSubmit,
        ActionKind::Withdraw => Key::DoneWithdraw,
        ActionKind::RequestChanges => Key::DoneRequestChanges,
        ActionKind::Approve => Key::DoneApprove,
        ActionKind::Reject => Key::DoneReject,
        ActionKind::Publish => Key::DonePublish,
        ActionKind::Comment => Key::DoneComment,
        ActionKind::Reply => Key::DoneReply,
        ActionKind::Resolve => Key::DoneResolve,
        ActionKind::Repair => Key::DoneRepair,
        ActionKind::Shared => Key::DoneShared,
        ActionKind::Correct => Key::DoneCorrect,
        ActionKind::Takedown => Key::DoneTakedown,
        ActionKind::Restore => Key::DoneRestore,
        ActionKind::Discard => Key::DoneDiscard,
        ActionKind::Attach => Key::DoneAttach,
    }
    .text(lang)
}

/// The label of a role.
#[must_use]
pub fn role(lang: Lang, r: Role) -> &'static str {
    match r {
        Role::Author => Key::RoleAuthor,
        Role::Editor => Key::RoleEditor,
        Role::Approver => Key::RoleApprover,
        Role::Admin => Key::RoleAdmin,
    }
    .text(lang)
}

/// The name of a checklist rule by id.
#[must_use]
pub fn rule_name(lang: Lang, id: &str) -> &'static str {
    match id {
        "title_length" => Key::RuleTitleLength,
        "lead_length" => Key::RuleLeadLength,
        "dateline" => Key::RuleDateline,
        "photo_captions" => Key::RulePhotoCaptions,
        "tags" => Key::RuleTags,
        "kecamatan" => Key::RuleKecamatan,
        "body" => Key::RuleBody,
        "empty_paragraphs" => Key::RuleEmptyParagraphs,
        "closing" => Key::RuleClosing,
        "double_spaces" => Key::RuleDoubleSpaces,
        "di_usage" => Key::RuleDiUsage,
        "institution_names" => Key::RuleInstitutionNames,
        "date_form" => Key::RuleDateForm,
        "photos" => Key::RulePhotos,
        "photo_width" => Key::RulePhotoWidth,
        _ => Key::RuleBannedWords,
    }
    .text(lang)
}

/// The label of a report verdict.
#[must_use]
pub fn verdict(lang: Lang, v: crate::domain::report::Verdict) -> &'static str {
    use crate::domain::report::Verdict;
    match v {
        Verdict::Consistent => Key::RepVerdictConsistent,
        Verdict::Irregular => Key::RepVerdictIrregular,
        Verdict::Silent => Key::RepVerdictSilent,
    }
    .text(lang)
}

/// The label of a report measure.
#[must_use]
pub fn measure(lang: Lang, m: crate::domain::report::Measure) -> &'static str {
    use crate::domain::report::Measure;
    match m {
        Measure::Published => Key::RepMeasurePublished,
        Measure::Attainment => Key::RepMeasureAttainment,
        Measure::DaysSince => Key::RepMeasureDaysSince,
        Measure::LongestGap => Key::RepMeasureLongestGap,
        Measure::ToApproval => Key::RepMeasureToApproval,
        Measure::Quality => Key::RepMeasureQuality,
        Measure::Posts => Key::RepMeasurePosts,
    }
    .text(lang)
}

/// A refusal, naming its rule.
#[must_use]
pub fn denial(lang: Lang, d: &Denial) -> String {
    match d {
        Denial::Unknown => Key::DenyUnknown.text(lang).to_string(),
        Denial::Expired { until } => fmt(lang, Key::DenyExpired, &[until]),
        Denial::NotVisible => Key::DenyNotVisible.text(lang).to_string(),
        Denial::Role { action: a, needs } => {
            let needs: Vec<&str> = needs
                .split(", ")
                .map(|r| match r {
                    "author" => role(lang, Role::Author),
                    "editor" => role(lang, Role::Editor),
                    "approver" => role(lang, Role::Approver),
                    other => other,
                })
                .collect();
            fmt(lang, Key::DenyRole, &[&action(lang, *a), &needs.join(", ")])
        }
        Denial::OtherKecamatan { own } => fmt(lang, Key::DenyOtherKecamatan, &[own]),
        Denial::NotItemAuthor { action: a } => fmt(lang, Key::DenyNotItemAuthor, &[&action(lang, *a)]),
        // The way to change a published item is a correction: say so rather than only no.
        Denial::State {
            action: ActionKind::Edit,
            status: Status::Published,
        } => Key::DenyEditPublished.text(lang).to_string(),
        Denial::State {
            action: ActionKind::Edit,
            status: Status::Submitted,
        } => Key::DenyEditSubmitted.text(lang).to_string(),
        Denial::State { action: a, status: s } => fmt(lang, Key::DenyState, &[&action(lang, *a), &status(lang, *s)]),
        Denial::SelfApproval => Key::DenySelfApproval.text(lang).to_string(),
        Denial::ApprovalStale => Key::DenyApprovalStale.text(lang).to_string(),
        Denial::Resolver => Key::DenyResolver.text(lang).to_string(),
        Denial::ConfigChange => Key::DenyConfigChange.text(lang).to_string(),
        Denial::SubmittedOnce => Key::DenySubmittedOnce.text(lang).to_string(),
        Denial::Checklist { rules } => {
            let names: Vec<&str> = rules.iter().map(|r| rule_name(lang, r)).collect();
            fmt(lang, Key::DenyChecklist, &[&names.join(", ")])
        }
    }
}

/// A store error as one line for the user.
#[must_use]
pub fn error(lang: Lang, e: &StoreError) -> String {
    use crate::domain::text::clean_line;
    let line = match e {
        StoreError::NotANewsroom { path } => fmt(lang, Key::ErrNotANewsroom, &[path]),
        StoreError::AlreadyExists { path } => fmt(lang, Key::ErrAlreadyExists, &[path]),
        StoreError::NoBranch { branch } => fmt(lang, Key::ErrNoBranch, &[branch]),
        StoreError::Locked { branch, lock } => fmt(lang, Key::ErrLocked, &[branch, lock]),
        StoreError::ReadOnly(m) => fmt(lang, Key::ErrReadOnly, &[m]),
        StoreError::Config(c) => fmt(lang, Key::ErrConfig, &[&c.line, &c.key, &c.problem]),
        StoreError::Git(g) => fmt(lang, Key::ErrGit, &[&g.message()]),
        StoreError::Io { path, source } => fmt(lang, Key::ErrIo, &[path, source]),
        StoreError::Denied(d) => denial(lang, d),
        StoreError::Invalid(i) => invalid(lang, i),
        StoreError::Broken { path, line, reason } => fmt(lang, Key::ErrBroken, &[path, line, reason]),
        StoreError::Conflict { slug, saved, .. } => fmt(lang, Key::ErrConflict, &[slug, saved]),
        StoreError::TooManyRetries(n) => fmt(lang, Key::ErrRetries, &[n]),
        StoreError::UnsafeStateDir { path, problem } => match problem {
            StateProblem::NotOwned { owner } => fmt(lang, Key::ErrStateNotOwned, &[path, owner]),
            StateProblem::OpenToOthers { mode } => fmt(lang, Key::ErrStateOpen, &[path, &format!("{mode:o}")]),
            StateProblem::NotAFolder => fmt(lang, Key::ErrStateNotFolder, &[path]),
        },
        StoreError::DamagedJournal { path, kept } => fmt(lang, Key::ErrJournalDamaged, &[path, kept]),
        StoreError::Export { path, problem } => match problem {
            ExportProblem::NoBaseUrl => Key::ErrExportNoBaseUrl.text(lang).to_string(),
            ExportProblem::NotOurs => fmt(lang, Key::ErrExportNotOurs, &[path]),
            ExportProblem::OtherFormat(f) => fmt(lang, Key::ErrExportOther, &[path, f]),
        },
        StoreError::Unmigrated => Key::ErrUnmigrated.text(lang).to_string(),
        StoreError::MigrateNeedsAdmin => Key::ErrMigrateAdmin.text(lang).to_string(),
        StoreError::Admin(a) => admin_error(lang, a),
        StoreError::ConfigMoved => Key::AdmConfigMoved.text(lang).to_string(),
    };
    clean_line(&line)
}

/// An invalid request in the user's language.
#[must_use]
pub fn invalid(lang: Lang, i: &Invalid) -> String {
    match i {
        Invalid::UnknownItem(s) => fmt(lang, Key::InvUnknownItem, &[s]),
        Invalid::UnknownPerson(s) => fmt(lang, Key::InvUnknownPerson, &[s]),
        Invalid::UnknownKecamatan(s) => fmt(lang, Key::InvUnknownKecamatan, &[s]),
        Invalid::MessageRequired(a) => {
            let a = ActionKind::parse(a).map_or(*a, |k| action(lang, k));
            fmt(lang, Key::InvMessageRequired, &[&a])
        }
        Invalid::EmptyTitle => Key::InvEmptyTitle.text(lang).to_string(),
        Invalid::ControlCharacters(f) => fmt(lang, Key::InvControl, &[f]),
        Invalid::NoParagraph { asked, count } => fmt(lang, Key::InvNoParagraph, &[asked, count]),
        Invalid::NoThread(n) => fmt(lang, Key::InvNoThread, &[n]),
        Invalid::AlreadyResolved(n) => fmt(lang, Key::InvAlreadyResolved, &[n]),
        Invalid::NoActor => Key::InvNoActor.text(lang).to_string(),
        Invalid::TooLarge(n) => fmt(lang, Key::InvTooLarge, &[n, &crate::store::snapshot::MAX_ITEM_BYTES]),
        Invalid::LogFull => fmt(lang, Key::InvLogFull, &[&crate::domain::review::MAX_EVENTS]),
        Invalid::Exists(s) => fmt(lang, Key::InvExists, &[s]),
        Invalid::BadSlug(s) => fmt(lang, Key::InvBadSlug, &[s]),
        Invalid::AuthorChanged => Key::InvAuthorChanged.text(lang).to_string(),
        Invalid::ContentChanged { seen, now } => {
            let short = |s: &str| s.chars().take(8).collect::<String>();
            fmt(lang, Key::InvContentChanged, &[&short(seen), &short(now)])
        }
        Invalid::NotDamaged => Key::InvNotDamaged.text(lang).to_string(),
        Invalid::UnknownChannel(c) => fmt(lang, Key::InvUnknownChannel, &[c]),
        Invalid::BadUrl => Key::InvBadUrl.text(lang).to_string(),
        Invalid::NoteRequired => Key::InvNoteRequired.text(lang).to_string(),
        Invalid::BadWord(w) => fmt(lang, Key::InvBadWord, &[&crate::domain::text::clean_line(w)]),
        Invalid::Photo(e) => photo_error(lang, e),
    }
}

// Administration

/// A refused change of `warta.toml` in the user's language.
#[must_use]
pub fn admin_error(lang: Lang, e: &crate::domain::admin::AdminError) -> String {
    use crate::domain::admin::AdminError as E;
    use crate::domain::text::clean_line;
    let line = match e {
        E::NotAdmin => Key::AdmNotAdmin.text(lang).to_string(),
        E::UnknownPerson(id) => fmt(lang, Key::AdmUnknownPerson, &[id]),
        E::PersonExists(id) => fmt(lang, Key::AdmPersonExists, &[id]),
        E::UnknownKecamatan(k) => fmt(lang, Key::AdmUnknownKecamatan, &[k]),
        E::KecamatanExists(k) => fmt(lang, Key::AdmKecamatanExists, &[k]),
        E::BadId(id) => fmt(lang, Key::AdmBadId, &[id]),
        E::BadName => Key::AdmBadName.text(lang).to_string(),
        E::AuthorNeedsKecamatan(id) => fmt(lang, Key::AdmAuthorNeedsKecamatan, &[id]),
        E::LoginTaken(l, who) => fmt(lang, Key::AdmLoginTaken, &[l, who]),
        E::EmailTaken(m, who) => fmt(lang, Key::AdmEmailTaken, &[m, who]),
        E::BadKey(n, p) => fmt(lang, Key::AdmBadKey, &[n, &key_problem(lang, p)]),
        E::KeyTaken(who) => fmt(lang, Key::AdmKeyTaken, &[who]),
        E::NoSuchKey(who, n) => fmt(lang, Key::AdmNoSuchKey, &[who, n]),
        E::BadTag(t) => fmt(lang, Key::AdmBadTag, &[t]),
        E::TagExists(t) => fmt(lang, Key::AdmTagExists, &[t]),
        E::UnknownTag(t) => fmt(lang, Key::AdmUnknownTag, &[t]),
        E::NoAdminLeft => Key::AdmNoAdminLeft.text(lang).to_string(),
        E::Unchanged => Key::AdmUnchanged.text(lang).to_string(),
        E::EmptyGroup => Key::AdmEmptyGroup.text(lang).to_string(),
        E::Invalid(m) => fmt(lang, Key::AdmInvalid, &[m]),
        E::Unwritable => Key::AdmUnwritable.text(lang).to_string(),
    };
    clean_line(&line)
}

/// Why a pasted line is not an SSH public key, in the user's language.
#[must_use]
pub fn key_problem(lang: Lang, p: &crate::domain::sshkey::KeyProblem) -> String {
    use crate::domain::sshkey::KeyProblem as P;
    match p {
        P::Empty => Key::AdmKeyEmpty.text(lang).to_string(),
        P::Lines => Key::AdmKeyLines.text(lang).to_string(),
        P::Type(t) => fmt(lang, Key::AdmKeyType, &[&format!("{t:?}")]),
        P::Base64 => Key::AdmKeyBase64.text(lang).to_string(),
        P::Mismatch => Key::AdmKeyMismatch.text(lang).to_string(),
        P::Comment => Key::AdmKeyComment.text(lang).to_string(),
        P::Private => Key::AdmKeyPrivate.text(lang).to_string(),
    }
}

/// A bad row of `people import`, in the user's language: file, line and reason.
#[must_use]
pub fn import_error(lang: Lang, file: &str, e: &crate::domain::people_csv::ImportError) -> String {
    use crate::domain::people_csv::RowProblem as R;
    let why = match &e.problem {
        R::Empty => Key::AdmCsvEmpty.text(lang).to_string(),
        R::Quote => Key::AdmCsvQuote.text(lang).to_string(),
        R::UnknownColumn(c) => fmt(lang, Key::AdmCsvColumn, &[c]),
        R::NoIdColumn => Key::AdmCsvNoId.text(lang).to_string(),
        R::Cells { expected, found } => fmt(lang, Key::AdmCsvCells, &[found, expected]),
        R::NoName => Key::AdmCsvNoName.text(lang).to_string(),
        R::Role(r) => fmt(lang, Key::AdmCsvRole, &[r]),
        R::Kecamatan(k) => fmt(lang, Key::AdmCsvKecamatan, &[k]),
        R::Date(d) => fmt(lang, Key::AdmCsvDate, &[d]),
        R::Twice(id) => fmt(lang, Key::AdmCsvTwice, &[id]),
        R::Key(p) => fmt(lang, Key::AdmCsvKey, &[&key_problem(lang, p)]),
        R::Admin(a) => {
            let text = admin_error(lang, a);
            let refusal = Key::AdmNotAdmin.text(lang).split(':').next().unwrap_or_default();
            text.strip_prefix(refusal)
                .map_or(text.clone(), |t| t.trim_start_matches(':').trim().to_string())
        }
    };
    let why = why.trim_end_matches('.');
    crate::domain::text::clean_line(&fmt(lang, Key::AdmCsvLine, &[&file, &e.line, &why]))
}

/// A refused photo in the user's language.
#[must_use]
pub fn photo_error(lang: Lang, e: &crate::domain::photo::PhotoError) -> String {
    use crate::domain::photo::PhotoError as P;
    match e {
        P::NotAPhoto => Key::PhotoNotAPhoto.text(lang).to_string(),
        P::TooLarge { bytes, max } => fmt(lang, Key::PhotoTooLarge, &[&mb(*bytes), &mb(*max)]),
        P::TooManyPixels { width, height, max } => {
            fmt(lang, Key::PhotoTooManyPixels, &[width, height, &(max / 1_000_000)])
        }
        P::Damaged(why) => fmt(lang, Key::PhotoDamaged, &[why]),
        P::Metadata(what) => fmt(lang, Key::PhotoMetadata, &[what]),
        P::TooMany(n) => fmt(lang, Key::PhotoTooMany, &[n]),
        P::BadName(n) => fmt(lang, Key::PhotoBadName, &[n]),
        P::Exists(n) => fmt(lang, Key::PhotoExists, &[n]),
        P::NotOnlyAdded => Key::PhotoNotOnlyAdded.text(lang).to_string(),
    }
}

/// Bytes as megabytes with one decimal ("10.0").
fn mb(bytes: u64) -> String {
    format!("{}.{}", bytes / 1_000_000, bytes % 1_000_000 / 100_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_admin_form_title_reads_right_with_one_key() {
        assert_eq!(fmt(Lang::En, Key::AdmFormEdit, &[&"nia", &1]), "Change nia (keys: 1)");
        assert_eq!(fmt(Lang::Id, Key::AdmFormEdit, &[&"nia", &1]), "Ubah nia (1 kunci)");
    }

    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = (0..10)
            .map(|i| format!("{{{i}}}"))
            .filter(|p| s.contains(p.as_str()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn both_locales_have_every_key_with_the_same_placeholders() {
        for key in Key::ALL {
            let (id, en) = (key.text(Lang::Id), key.text(Lang::En));
            assert!(!id.is_empty() && !en.is_empty(), "{key:?}");
            assert_eq!(placeholders(id), placeholders(en), "{key:?}");
        }
    }

    #[test]
    fn language_choice() {
        assert_eq!(Lang::choose(None, None, Some("id"), Some("en_US.UTF-8")), Lang::Id);
        assert_eq!(Lang::choose(Some("en"), None, Some("id"), None), Lang::En);
        assert_eq!(Lang::choose(None, Some("en"), Some("id"), None), Lang::En);
        assert_eq!(Lang::choose(None, None, None, Some("C.UTF-8")), Lang::Id);
    }

    #[test]
    fn refusing_to_edit_names_the_way_forward() {
        let d = Denial::State {
            action: ActionKind::Edit,
            status: Status::Published,
        };
        assert!(denial(Lang::Id, &d).contains("mulai ralat"), "{}", denial(Lang::Id, &d));
        assert!(
            denial(Lang::En, &d).contains("start a correction"),
            "{}",
            denial(Lang::En, &d)
        );
        let submitted = Denial::State {
            action: ActionKind::Edit,
            status: Status::Submitted,
        };
        assert!(
            denial(Lang::Id, &submitted).contains("Tarik kembali"),
            "{}",
            denial(Lang::Id, &submitted)
        );
        assert!(denial(Lang::En, &submitted).contains("Withdraw it first"));
        let other = Denial::State {
            action: ActionKind::Edit,
            status: Status::Rejected,
        };
        assert!(!denial(Lang::En, &other).contains("correction"));
    }
}
