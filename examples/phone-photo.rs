//! Write a photo as a phone takes it (EXIF orientation and a GPS position) to try
//! `warta attach`: `cargo run --example phone-photo -- OUT.jpg [WIDTH HEIGHT [ORIENTATION]]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: phone-photo OUT.jpg [WIDTH HEIGHT [ORIENTATION]]");
        std::process::exit(2);
    };
    let num = |i: usize, d: u32| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let (w, h) = (num(1, 1600), num(2, 1200));
    let orientation = u16::try_from(num(3, 1)).unwrap_or(1);
    let bytes = warta::domain::photo::sample::phone_jpeg(w, h, orientation, true);
    if let Err(e) = std::fs::write(out, bytes) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
}
