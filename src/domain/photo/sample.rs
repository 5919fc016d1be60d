//! Photos made in memory as a phone makes them (EXIF with an orientation and a GPS
//! position), for the tests, the benchmarks and the demo newsroom.

use image::{DynamicImage, Rgb, RgbImage};

/// A JPEG of `width`×`height` whose EXIF says `orientation` (1 = upright, 6 = turned a
/// quarter clockwise) and, with `gps`, the position it was taken at (7°33′S).
///
/// The picture is a sky over a field with a red square in the top-left corner, so a
/// turn shows in a preview.
#[must_use]
pub fn phone_jpeg(width: u32, height: u32, orientation: u16, gps: bool) -> Vec<u8> {
    jpeg(width, height, orientation, gps, 0)
}

/// As [`phone_jpeg`], with sensor noise of up to ±`grain` on every channel, so the
/// file is as large as a phone's (a 12-megapixel photo of 3 to 5 MB) and decodes as
/// slowly.
#[must_use]
pub fn grainy_jpeg(width: u32, height: u32, orientation: u16, grain: u8) -> Vec<u8> {
    jpeg(width, height, orientation, true, grain)
}

fn jpeg(width: u32, height: u32, orientation: u16, gps: bool, grain: u8) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let mut noise = move || {
        if grain == 0 {
            return 0i16;
        }
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        (seed % (2 * u32::from(grain) + 1)) as i16 - i16::from(grain)
    };
    let img = RgbImage::from_fn(width, height, |x, y| {
        let base = if x < width / 4 && y < height / 4 {
            [200, 30, 30]
        } else if y < height / 2 {
            [90, 150, 220]
        } else {
            [40, (120 + (x * 80 / width.max(1))) as u8, 50]
        };
        Rgb(base.map(|c: u8| u8::try_from((i16::from(c) + noise()).clamp(0, 255)).unwrap_or(u8::MAX)))
    });
    let mut jpeg = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85))
        .expect("encoding to memory");
    let exif = exif(orientation, gps);
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((exif.len() + 8) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&exif);
    // After SOI, before everything else, where phones put it.
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A little-endian TIFF block: IFD0 with the orientation and, with `gps`, a GPS IFD.
fn exif(orientation: u16, gps: bool) -> Vec<u8> {
    let mut t = b"II*\0".to_vec();
    t.extend_from_slice(&8u32.to_le_bytes());
    let entries: u16 = if gps { 2 } else { 1 };
    t.extend_from_slice(&entries.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value);
    };
    let o = orientation.to_le_bytes();
    entry(&mut t, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    let gps_ifd: u32 = 8 + 2 + 12 * u32::from(entries) + 4;
    if gps {
        entry(&mut t, 0x8825, 4, 1, gps_ifd.to_le_bytes());
    }
    t.extend_from_slice(&0u32.to_le_bytes());
    if gps {
        let data = gps_ifd + 2 + 24 + 4;
        t.extend_from_slice(&2u16.to_le_bytes());
        entry(&mut t, 0x0001, 2, 2, *b"S\0\0\0");
        entry(&mut t, 0x0002, 5, 3, data.to_le_bytes());
        t.extend_from_slice(&0u32.to_le_bytes());
        for (num, den) in [(7u32, 1u32), (33, 1), (1234, 100)] {
            t.extend_from_slice(&num.to_le_bytes());
            t.extend_from_slice(&den.to_le_bytes());
        }
    }
    t
}
