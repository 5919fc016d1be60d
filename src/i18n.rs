//! Every user-visible string, in Indonesian and English, and the choice between them.
//!
//! Strings are looked up by a typed key, so a missing translation cannot compile; a
//! test checks that both texts of a key exist and use the same placeholders.

use crate::domain::config::Role;
use crate::domain::review::{ActionKind, Status};
use crate::domain::workflow::Denial;
use crate::store::{Invalid, StoreError};

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
    DenyUnknown => "Ditolak: Anda belum terdaftar di redaksi ini, akses hanya-baca.", "Refused: you are not a person of this newsroom; read-only access.";
    DenyExpired => "Ditolak: akun Anda berakhir pada {0}, akses hanya-baca.", "Refused: your account ended on {0}; read-only access.";
    DenyNotVisible => "Ditolak: penulis hanya dapat melihat berita kecamatannya sendiri dan berita yang sudah terbit.", "Refused: authors see only their own kecamatan's items and published ones.";
    DenyRole => "Ditolak: tindakan \"{0}\" hanya untuk peran {1}.", "Refused: \"{0}\" needs the role {1}.";
    DenyOtherKecamatan => "Ditolak: penulis hanya menulis untuk kecamatannya sendiri ({0}).", "Refused: authors write only for their own kecamatan ({0}).";
    DenyNotItemAuthor => "Ditolak: hanya penulis berita ini yang boleh \"{0}\".", "Refused: only the item's author may \"{0}\".";
    DenyState => "Ditolak: \"{0}\" tidak boleh saat berita berstatus {1}.", "Refused: \"{0}\" is not allowed while the item is {1}.";
    DenySelfApproval => "Ditolak: penyetuju tidak boleh menyetujui berita tulisannya sendiri.", "Refused: approvers may not approve their own item.";
    DenyApprovalStale => "Ditolak: persetujuan sudah usang karena isi berubah setelahnya; setujui ulang dulu.", "Refused: the approval is stale because the content changed after it; approve again first.";
    DenyChecklist => "Ditolak: daftar periksa wajib belum terpenuhi: {0}. Lihat: warta check", "Refused: required checklist rules fail: {0}. See: warta check";
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
    LevelRequired => "wajib", "required";
    LevelRecommended => "anjuran", "recommended";
    DenyResolver => "Ditolak: utas hanya dapat diselesaikan oleh pembukanya, penulis berita, atau penyetuju.", "Refused: only the thread's opener, the item's author or an approver may resolve it.";
    // Invalid requests
    InvUnknownItem => "Berita \"{0}\" tidak ditemukan.", "No item \"{0}\".";
    InvUnknownPerson => "Orang \"{0}\" tidak ada di warta.toml. Lihat: warta people", "No person \"{0}\" in warta.toml. See: warta people";
    InvUnknownKecamatan => "Kecamatan \"{0}\" tidak ada di warta.toml.", "No kecamatan \"{0}\" in warta.toml.";
    InvMessageRequired => "Ditolak: \"{0}\" wajib disertai pesan (-m).", "Refused: \"{0}\" needs a message (-m).";
    InvEmptyTitle => "Ditolak: judul tidak boleh kosong.", "Refused: the title must not be empty.";
    InvControl => "Ditolak: kolom {0} berisi karakter kendali.", "Refused: the {0} field holds control characters.";
    InvNoParagraph => "Paragraf {0} tidak ada; berita ini punya {1} paragraf.", "There is no paragraph {0}; the item has {1}.";
    InvNoThread => "Utas #{0} tidak ada.", "There is no thread #{0}.";
    InvAlreadyResolved => "Utas #{0} sudah diselesaikan.", "Thread #{0} is already resolved.";
    InvTooLarge => "Ditolak: berita sebesar {0} bita melebihi batas {1} bita.", "Refused: an item of {0} bytes is over the limit of {1} bytes.";
    InvLogFull => "Ditolak: catatan tinjauan berita ini sudah mencapai batas {0} peristiwa.", "Refused: this item's review log has reached the limit of {0} events.";
    InvNoActor => "Tidak diketahui siapa yang bertindak.", "Nobody known is acting.";
    InvExists => "Ditolak: berita \"{0}\" sudah ada.", "Refused: the item \"{0}\" exists already.";
    InvBadSlug => "Ditolak: \"{0}\" bukan nama berita yang sah.", "Refused: \"{0}\" is not a valid item name.";
    InvAuthorChanged => "Ditolak: penulis berita tidak dapat diubah lewat suntingan.", "Refused: an edit cannot change who wrote the item.";
    InvContentChanged => "Ditolak: isi berita berubah sejak Anda membacanya (Anda membaca {0}, sekarang {1}). Baca perubahannya dulu (tombol d, atau: warta diff), lalu putuskan lagi.", "Refused: the item changed since you read it (you read {0}, now {1}). Read the changes first (key d, or: warta diff), then decide again.";
    InvNotDamaged => "Ditolak: catatan tinjauan berita ini terbaca dengan baik; tidak ada yang perlu diperbaiki.", "Refused: this item's review log reads well; there is nothing to repair.";
    ActRepair => "perbaiki catatan", "repair log";
    // Store errors
    ErrNotANewsroom => "Bukan redaksi warta: {0} (tidak ada repositori git dengan warta.toml). Buat dengan: warta init", "Not a warta newsroom: {0} (no git repository with warta.toml). Create one with: warta init";
    ErrAlreadyExists => "Sudah ada repositori di {0}.", "There is already a repository at {0}.";
    ErrNoBranch => "Cabang \"{0}\" tidak ada di repositori.", "Branch \"{0}\" does not exist in the repository.";
    ErrLocked => "Cabang \"{0}\" sedang dikunci proses lain ({1}). Jika tidak ada warta atau git yang berjalan, hapus berkas kunci itu.", "Branch \"{0}\" is locked by another process ({1}). If no warta or git is running, remove that lock file.";
    ErrReadOnly => "Repositori tidak dapat ditulis: {0}", "The repository cannot be written: {0}";
    ErrConfig => "warta.toml salah, baris {0}, {1}: {2}", "warta.toml is invalid, line {0}, {1}: {2}";
    ErrGit => "Galat git: {0}", "git error: {0}";
    ErrIo => "Galat berkas {0}: {1}", "File error {0}: {1}";
    ErrBroken => "Berkas rusak {0} baris {1}: {2}", "Broken file {0} line {1}: {2}";
    ErrConflict => "Bentrok: orang lain mengubah bagian yang sama dari \"{0}\". Versi Anda disimpan di {1}; tidak ada yang hilang.", "Conflict: someone else changed the same part of \"{0}\". Your version is saved in {1}; nothing is lost.";
    ErrUnmigrated => "Redaksi ini masih memakai susunan folder lama (semua berita langsung di drafts/). Admin perlu menjalankan sekali: warta migrate", "This newsroom still uses the old folder layout (every item directly under drafts/). An admin needs to run once: warta migrate";
    ErrMigrateAdmin => "Ditolak: hanya admin yang boleh menjalankan warta migrate.", "Refused: only an admin may run warta migrate.";
    ErrRetries => "Gagal setelah {0} percobaan: cabang terus berubah. Coba lagi.", "Gave up after {0} attempts: the branch kept changing. Try again.";
    // Identity
    WhoUnknown => "Anda belum terdaftar di warta.toml (login: {0}, email: {1}): akses hanya-baca. Minta admin menambahkan Anda di [[people]] dengan logins = [\"{0}\"].", "You are not in warta.toml (login: {0}, email: {1}): read-only access. Ask an admin to add you under [[people]] with logins = [\"{0}\"].";
    // CLI output
    OutCreated => "Dibuat: {0}", "Created: {0}";
    OutDone => "{0}: {1} (commit {2})", "{0}: {1} (commit {2})";
    OutNothing => "Tidak ada perubahan; tidak ada commit.", "Nothing changed; no commit.";
    OutMerged => "Digabung dengan suntingan orang lain yang terjadi bersamaan.", "Merged with a concurrent edit by someone else.";
    OutSkipped => "Berkas {0} di work tree tidak diperbarui karena ada perubahan lokal.", "Work-tree file {0} was left alone: it has local modifications.";
    OutBrokenLine => "RUSAK {0}:{1}: {2}", "BROKEN {0}:{1}: {2}";
    OutNoItems => "Tidak ada berita.", "No items.";
    OutApprovalValid => "persetujuan sah", "approval valid";
    OutApprovalStale => "PERSETUJUAN USANG", "APPROVAL STALE";
    OutThreadResolved => "selesai", "resolved";
    OutThreadOpen => "terbuka", "open";
    OutParagraph => "paragraf", "paragraph";
    OutOutdated => "usang", "outdated";
    OutInit => "Redaksi dibuat di {0} (cabang {1}).", "Newsroom created in {0} (branch {1}).";
    OutDiffFrom => "Perbedaan sejak peristiwa #{0} ({1}, {2}, {3}):", "Changes since event #{0} ({1}, {2}, {3}):";
    OutDiffNone => "Tidak ada perbedaan.", "No changes.";
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
    TuiDone => "Berhasil: {0}.", "Done: {0}.";
    TuiWorking => "Memproses {0}…", "Working on {0}…";
    TuiTooSmall => "Terminal terlalu kecil ({0}x{1}). warta perlu minimal {2}x{3}: perbesar jendela.", "Terminal too small ({0}x{1}). warta needs at least {2}x{3}: enlarge the window.";
    TuiReadOnly => "hanya-baca", "read-only";
    TuiStale => "Perlu setuju ulang", "Re-approve";
    TuiQueueMine => "Tugas saya", "My work";
    TuiQueueAll => "Semua", "All";
    TuiQueuePublished => "Terbit", "Published";
    TuiSearch => "Cari:", "Search:";
    TuiResults => "{0} berita", "{0} items";
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
    KeySend => "kirim", "send";
    KeyNewline => "baris baru", "new line";
    KeyYes => "ya", "yes";
    KeyNextParagraph => "paragraf berikut", "next paragraph";
    KeyPrevParagraph => "paragraf sebelumnya", "previous paragraph";
    KeyReply => "balas utas", "reply to thread";
    KeyResolve => "selesaikan utas", "resolve thread";
    KeyDiff => "perubahan", "changes";
    KeyDiffOlder => "banding versi lebih lama", "compare an older version";
    KeyDiffNewer => "banding versi lebih baru", "compare a newer version";
    KeyHistory => "riwayat", "history";
    KeyOpenVersion => "buka versi ini", "open this version";
    TuiDiffSince => "Perubahan sejak #{0} · {1} · {2} · {3}   (< > ganti versi, d teks bersih)", "Changes since #{0} · {1} · {2} · {3}   (< > other version, d clean text)";
    TuiDiffLoading => "Memuat riwayat…", "Loading the history…";
    TuiVersionOf => "Versi pada #{0} · {1} · {2} · {3}   (Esc: versi terkini)", "Version at #{0} · {1} · {2} · {3}   (Esc: current version)";
    TuiNoChange => "Tidak ada perubahan sejak versi ini.", "No change since this version.";
    TuiOpenThreadsAsk => "Masih ada {0} komentar yang belum selesai. Sudah ditangani semua? Ajukan \"{1}\"?", "There are still {0} open comments. Were they all addressed? Submit \"{1}\"?";
    TuiNoThreadHere => "Tidak ada utas terbuka di sini.", "No open thread here.";
    TuiGeneralComments => "Komentar umum dan usang", "General and outdated comments";
    TuiBadDate => "Tanggal kegiatan \"{0}\" tidak valid: tulis TTTT-BB-HH, misalnya 2024-09-09.", "Event date \"{0}\" is not valid: write YYYY-MM-DD, e.g. 2024-09-09.";
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
    TuiFieldPhotos => "Foto (berkas | keterangan)", "Photos (file | caption)";
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
    HookNoPusher => "Push ditolak: server tidak menyebut siapa yang mendorong (WARTA_PUSHER).", "Push refused: the server did not name the pusher (WARTA_PUSHER).";
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
        _ => Key::RuleBannedWords,
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
        Denial::State { action: a, status: s } => fmt(lang, Key::DenyState, &[&action(lang, *a), &status(lang, *s)]),
        Denial::SelfApproval => Key::DenySelfApproval.text(lang).to_string(),
        Denial::ApprovalStale => Key::DenyApprovalStale.text(lang).to_string(),
        Denial::Resolver => Key::DenyResolver.text(lang).to_string(),
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
        StoreError::Unmigrated => Key::ErrUnmigrated.text(lang).to_string(),
        StoreError::MigrateNeedsAdmin => Key::ErrMigrateAdmin.text(lang).to_string(),
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
