//! The photo checks and the privacy strip on photos made in the test.

use super::sample::phone_jpeg;
use super::*;

fn png(width: u32, height: u32, text: bool) -> Vec<u8> {
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(image::RgbImage::new(width, height))
        .write_with_encoder(image::codecs::png::PngEncoder::new(&mut out))
        .unwrap();
    if text {
        // A tEXt chunk before IEND, as editors write them.
        let at = out.len() - 12;
        let data = b"Comment\0taken at home";
        let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
        chunk.extend_from_slice(b"tEXt");
        chunk.extend_from_slice(data);
        chunk.extend_from_slice(&[0, 0, 0, 0]);
        out.splice(at..at, chunk);
    }
    out
}

/// PNG's CRC-32 (the chunk type and data).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for b in bytes {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}

#[test]
fn a_phone_photo_loses_its_position_and_keeps_its_pixels() {
    let jpeg = phone_jpeg(64, 48, 1, true);
    assert_eq!(metadata(&jpeg), ["GPS", "EXIF"]);
    assert_eq!(
        inspect(&jpeg, &Limits::default()),
        Err(PhotoError::Metadata("GPS, EXIF".into()))
    );
    let p = prepare(&jpeg, &Limits::default()).unwrap();
    assert!(metadata(&p.bytes).is_empty());
    assert!(!p.turned);
    assert_eq!((p.info.width, p.info.height), (64, 48));
    // Upright already: the scans are the camera's, byte for byte.
    let scan = |b: &[u8]| b[b.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap()..].to_vec();
    assert_eq!(scan(&p.bytes), scan(&jpeg));
    assert_eq!(inspect(&p.bytes, &Limits::default()).unwrap().width, 64);
}

#[test]
fn a_turned_photo_is_turned_upright_before_its_exif_goes() {
    let p = prepare(&phone_jpeg(64, 48, 6, true), &Limits::default()).unwrap();
    assert!(p.turned);
    assert_eq!((p.info.width, p.info.height), (48, 64));
    assert!(metadata(&p.bytes).is_empty());
    // The red corner was top-left of the sensor; turned clockwise it is top-right.
    let img = image::load_from_memory(&p.bytes).unwrap().to_rgb8();
    let px = img.get_pixel(44, 3);
    assert!(px[0] > 150 && px[2] < 100, "{px:?}");
}

#[test]
fn the_type_is_judged_by_the_content() {
    let limits = Limits::default();
    assert_eq!(prepare(b"GIF89a....", &limits), Err(PhotoError::NotAPhoto));
    assert_eq!(prepare(b"", &limits), Err(PhotoError::NotAPhoto));
    let p = prepare(&png(10, 10, true), &limits).unwrap();
    assert_eq!(p.info.format, Format::Png);
    assert!(metadata(&png(10, 10, true)).contains(&"text"));
    assert!(metadata(&p.bytes).is_empty());
}

#[test]
fn size_and_pixels_are_refused_before_decoding() {
    let small = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    assert!(matches!(
        prepare(&phone_jpeg(64, 48, 1, false), &small),
        Err(PhotoError::TooLarge { max: 100, .. })
    ));
    // A header claiming 20,000 × 20,000 (a 1.6 GB decode) with almost no data behind it.
    let mut bomb = png(1, 1, false);
    bomb[16..20].copy_from_slice(&20_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&20_000u32.to_be_bytes());
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    assert!(matches!(
        prepare(&bomb, &Limits::default()),
        Err(PhotoError::TooManyPixels {
            width: 20_000,
            height: 20_000,
            ..
        })
    ));
}

#[test]
fn a_cut_off_jpeg_is_damaged() {
    let jpeg = phone_jpeg(64, 48, 1, false);
    let cut = &jpeg[..jpeg.len() * 2 / 3];
    assert!(matches!(prepare(cut, &Limits::default()), Err(PhotoError::Damaged(_))));
}

#[test]
fn file_names_come_from_the_slug_maker() {
    let none = |_: &str| false;
    assert_eq!(
        file_name("IMG_2024 Rapat Pleno.JPG", Format::Jpeg, none),
        "img-2024-rapat-pleno.jpg"
    );
    assert_eq!(file_name("../../etc/passwd", Format::Png, none), "passwd.png");
    assert_eq!(file_name("📷.heic", Format::Jpeg, none), "foto.jpg");
    assert_eq!(file_name("a.jpg", Format::Jpeg, |n| n == "a.jpg"), "a-2.jpg");
    assert!(is_valid_file_name("a-2.jpg"));
    for bad in ["index.md", "A.jpg", "a.gif", ".jpg", "a b.jpg", "-a.png"] {
        assert!(!is_valid_file_name(bad), "{bad}");
    }
}
