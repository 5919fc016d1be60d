//! Photos of an item: what a newsroom accepts, and the privacy strip.
//!
//! Every check works on the bytes alone, in bounded memory: the type is judged by the
//! content (JPEG, PNG, WebP), the size before anything is read, the pixel count from the
//! header before any pixel is decoded, and the decoder runs under `image`'s allocation
//! limit. [`prepare`] decodes the whole photo (a truncated or corrupt file is refused),
//! turns it upright by its EXIF orientation and returns a file without EXIF, XMP, IPTC
//! or text chunks. [`inspect`] is the header-only check `verify` and the push hook apply
//! to photos committed with plain git: same limits, and any metadata is refused.
//!
//! Pure: no IO and no clock (decoding is computation on bytes in memory).

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, metadata::Orientation};

use super::config::Config;

/// The three photo formats a newsroom takes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JPEG, as phones take them.
    Jpeg,
    /// PNG, for screenshots and graphics.
    Png,
    /// WebP, as some messaging apps save them.
    Webp,
}

impl Format {
    /// The file extension warta gives a photo of this type.
    #[must_use]
    pub fn ext(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
        }
    }

    fn image(self) -> ImageFormat {
        match self {
            Self::Jpeg => ImageFormat::Jpeg,
            Self::Png => ImageFormat::Png,
            Self::Webp => ImageFormat::WebP,
        }
    }
}

/// The limits a newsroom sets for photos (`[photos]` in `warta.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file taken in, in bytes.
    pub max_bytes: u64,
    /// Most pixels (width × height) a photo may have; checked before decoding.
    pub max_pixels: u64,
    /// Most photos one item may carry.
    pub max_per_item: usize,
}

/// Default largest photo: 10 MB, more than a phone's 12-megapixel JPEG.
pub const DEFAULT_MAX_BYTES: u64 = 10_000_000;
/// Default pixel limit: 30 megapixels. Decoded as RGB that is 90 MB, inside the memory
/// a decode may take; a decompression bomb claiming more is refused from its header.
pub const DEFAULT_MAX_PIXELS: u64 = 30_000_000;
/// Default most photos per item.
pub const DEFAULT_MAX_PER_ITEM: usize = 20;
/// The most memory one decode may take, beyond the decoded pixels themselves.
const DECODE_SLACK: u64 = 32 << 20;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            max_pixels: DEFAULT_MAX_PIXELS,
            max_per_item: DEFAULT_MAX_PER_ITEM,
        }
    }
}

impl Limits {
    /// The newsroom's limits: `[photos]` in `warta.toml`, defaults for what is absent.
    #[must_use]
    pub fn from_config(config: &Config) -> Self {
        let p = &config.photos;
        let d = Self::default();
        Self {
            max_bytes: p.max_bytes.unwrap_or(d.max_bytes),
            max_pixels: p.max_pixels.unwrap_or(d.max_pixels),
            max_per_item: p.max_per_item.unwrap_or(d.max_per_item),
        }
    }
}

/// Why a photo is refused. Nothing is written when one is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Not a JPEG, PNG or WebP file (judged by its content, not its name).
    #[error("not a JPEG, PNG or WebP photo")]
    NotAPhoto,
    /// The file is larger than the newsroom takes.
    #[error("{bytes} bytes, more than the {max} a photo may have")]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// More pixels than the limit (refused from the header, before decoding).
    #[error("{width}×{height} pixels, more than the {max} a photo may have")]
    TooManyPixels {
        /// Width in the header.
        width: u32,
        /// Height in the header.
        height: u32,
        /// The limit.
        max: u64,
    },
    /// The file does not decode whole: truncated or corrupt.
    #[error("the photo cannot be read whole (cut off or damaged): {0}")]
    Damaged(String),
    /// Metadata a published photo must not carry (found by `verify` and the push hook).
    #[error("the photo carries metadata ({0}); add it with `warta attach`, which removes it")]
    Metadata(String),
    /// The item holds as many photos as an item may.
    #[error("the item already has {0} photos, as many as an item may have")]
    TooMany(usize),
    /// A file name `warta attach` would not make (through the slug maker).
    #[error("{0:?} is not a photo file name warta makes")]
    BadName(String),
    /// The item already has a photo of that name.
    #[error("the item already has a photo {0:?}")]
    Exists(String),
    /// An attach that changes more than adding one photo at the end.
    #[error("an attach adds one photo and changes nothing else")]
    NotOnlyAdded,
}

/// What the header of a photo says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info {
    /// Its type.
    pub format: Format,
    /// Width in pixels, upright.
    pub width: u32,
    /// Height in pixels, upright.
    pub height: u32,
}

/// A photo ready to be committed: upright, without metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its type and size.
    pub info: Info,
    /// Whether its pixels were turned (and so re-encoded) by the EXIF orientation.
    pub turned: bool,
}

/// The type of a file by its first bytes.
#[must_use]
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::Webp)
    } else {
        None
    }
}

fn decode_limits(limits: &Limits) -> image::Limits {
    let mut l = image::Limits::default();
    // Four bytes a pixel at most (RGBA), and some room for the decoder's own tables.
    l.max_alloc = Some(limits.max_pixels.saturating_mul(4).saturating_add(DECODE_SLACK));
    l
}

/// Size, type and pixel count: the checks made before any pixel is decoded.
fn header<'a>(bytes: &'a [u8], limits: &Limits) -> Result<(Format, impl ImageDecoder + use<'a>), PhotoError> {
    let len = bytes.len() as u64;
    if len > limits.max_bytes {
        return Err(PhotoError::TooLarge {
            bytes: len,
            max: limits.max_bytes,
        });
    }
    let format = sniff(bytes).ok_or(PhotoError::NotAPhoto)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image());
    reader.limits(decode_limits(limits));
    let decoder = reader.into_decoder().map_err(|e| PhotoError::Damaged(e.to_string()))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(PhotoError::TooManyPixels {
            width,
            height,
            max: limits.max_pixels,
        });
    }
    Ok((format, decoder))
}

/// The header-only check of a committed photo: size, type, pixel count, and no metadata.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Info, PhotoError> {
    let (format, decoder) = header(bytes, limits)?;
    let (width, height) = decoder.dimensions();
    let found = metadata(bytes);
    if !found.is_empty() {
        return Err(PhotoError::Metadata(found.join(", ")));
    }
    Ok(Info { format, width, height })
}

/// Decode a photo whole under the limits, upright (for previews).
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<DynamicImage, PhotoError> {
    let (_, mut decoder) = header(bytes, limits)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| PhotoError::Damaged(e.to_string()))?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// Check a photo whole and make it safe to publish: decoded under the limits, turned
/// upright, every metadata segment removed.
///
/// A photo already upright keeps its encoded pixels: only the metadata segments are
/// dropped (no quality lost). A turned one is re-encoded: JPEG at quality 90, PNG and
/// WebP losslessly.
pub fn prepare(bytes: &[u8], limits: &Limits) -> Result<Prepared, PhotoError> {
    let (format, mut decoder) = header(bytes, limits)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| PhotoError::Damaged(e.to_string()))?;
    if format == Format::Jpeg && !ends_with_eoi(bytes) {
        // The JPEG decoder fills a cut-off scan with grey; a photo without its end is damaged.
        return Err(PhotoError::Damaged("no end-of-image marker".into()));
    }
    let turned = orientation != Orientation::NoTransforms;
    let out = if turned {
        img.apply_orientation(orientation);
        encode(&img, format)?
    } else {
        strip(bytes, format).ok_or_else(|| PhotoError::Damaged("malformed segments".into()))?
    };
    // What is committed is checked as `verify` will check it.
    let found = metadata(&out);
    if !found.is_empty() {
        return Err(PhotoError::Metadata(found.join(", ")));
    }
    Ok(Prepared {
        bytes: out,
        info: Info {
            format,
            width: img.width(),
            height: img.height(),
        },
        turned,
    })
}

fn encode(img: &DynamicImage, format: Format) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    let err = |e: image::ImageError| PhotoError::Damaged(e.to_string());
    match format {
        Format::Jpeg => {
            let (w, h) = (img.width(), img.height());
            let too_big = || PhotoError::Damaged(format!("{w}×{h} is too large for JPEG"));
            let (w16, h16) = (
                u16::try_from(w).map_err(|_| too_big())?,
                u16::try_from(h).map_err(|_| too_big())?,
            );
            let enc = jpeg_encoder::Encoder::new(&mut out, 90);
            let done = match img {
                DynamicImage::ImageLuma8(g) => enc.encode(g.as_raw(), w16, h16, jpeg_encoder::ColorType::Luma),
                DynamicImage::ImageRgb8(rgb) => enc.encode(rgb.as_raw(), w16, h16, jpeg_encoder::ColorType::Rgb),
                other => enc.encode(other.to_rgb8().as_raw(), w16, h16, jpeg_encoder::ColorType::Rgb),
            };
            done.map_err(|e| PhotoError::Damaged(e.to_string()))?;
        }
        Format::Png => img
            .write_with_encoder(image::codecs::png::PngEncoder::new(&mut out))
            .map_err(err)?,
        Format::Webp => {
            let rgba = DynamicImage::ImageRgba8(img.to_rgba8());
            rgba.write_with_encoder(image::codecs::webp::WebPEncoder::new_lossless(&mut out))
                .map_err(err)?;
        }
    }
    Ok(out)
}

fn ends_with_eoi(bytes: &[u8]) -> bool {
    let end = bytes.len() - bytes.iter().rev().take_while(|b| **b == 0).count();
    bytes[..end].ends_with(&[0xFF, 0xD9])
}

/// The metadata a photo carries: `GPS`, `EXIF`, `XMP`, `IPTC`, `comment`, `text`.
#[must_use]
pub fn metadata(bytes: &[u8]) -> Vec<&'static str> {
    let mut found = Vec::new();
    let mut add = |k: &'static str| {
        if !found.contains(&k) {
            found.push(k);
        }
    };
    match sniff(bytes) {
        Some(Format::Jpeg) => {
            for (marker, data) in jpeg_segments(bytes).unwrap_or_default() {
                match marker {
                    0xE1 if data.starts_with(b"Exif\0\0") => {
                        if exif_has_gps(&data[6..]) {
                            add("GPS");
                        }
                        add("EXIF");
                    }
                    0xE1 => add("XMP"),
                    0xED => add("IPTC"),
                    0xFE => add("comment"),
                    0xE0..=0xEF if !jpeg_keeps(marker, data) => add("APP"),
                    _ => {}
                }
            }
        }
        Some(Format::Png) => {
            for (kind, data) in png_chunks(bytes).unwrap_or_default() {
                match &kind {
                    b"eXIf" => {
                        if exif_has_gps(data) {
                            add("GPS");
                        }
                        add("EXIF");
                    }
                    b"iTXt" if data.starts_with(b"XML:com.adobe.xmp") => add("XMP"),
                    b"tEXt" | b"zTXt" | b"iTXt" => add("text"),
                    _ => {}
                }
            }
        }
        Some(Format::Webp) => {
            for (kind, data) in riff_chunks(bytes).unwrap_or_default() {
                match &kind {
                    b"EXIF" => {
                        let tiff = data.strip_prefix(b"Exif\0\0").unwrap_or(data);
                        if exif_has_gps(tiff) {
                            add("GPS");
                        }
                        add("EXIF");
                    }
                    b"XMP " => add("XMP"),
                    _ => {}
                }
            }
        }
        None => {}
    }
    found
}

/// Whether a TIFF-structured EXIF block points at a GPS directory (tag 0x8825 in IFD0).
fn exif_has_gps(tiff: &[u8]) -> bool {
    let little = match tiff.get(..2) {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return false,
    };
    let u16_at = |i: usize| {
        tiff.get(i..i + 2).map(|b| {
            if little {
                u16::from_le_bytes([b[0], b[1]])
            } else {
                u16::from_be_bytes([b[0], b[1]])
            }
        })
    };
    let u32_at = |i: usize| {
        tiff.get(i..i + 4).map(|b| {
            let a = [b[0], b[1], b[2], b[3]];
            if little {
                u32::from_le_bytes(a)
            } else {
                u32::from_be_bytes(a)
            }
        })
    };
    let Some(ifd) = u32_at(4).map(|o| o as usize) else {
        return false;
    };
    let Some(count) = u16_at(ifd) else { return false };
    (0..usize::from(count)).any(|n| u16_at(ifd + 2 + n * 12) == Some(0x8825))
}

/// The segments of a JPEG before its first scan: (marker, data after the length).
fn jpeg_segments(bytes: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let mut out = Vec::new();
    let mut i = 2;
    loop {
        // Fill bytes (0xFF) may precede a marker.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        if marker == 0xDA || marker == 0xD9 {
            return Some(out);
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
        let data = bytes.get(i + 4..i + 2 + len)?;
        out.push((marker, data));
        i += 2 + len;
    }
}

/// Application segments kept: JFIF, the ICC colour profile and Adobe's colour transform
/// (without them colours change); everything else (EXIF, XMP, IPTC, makers' notes) goes.
fn jpeg_keeps(marker: u8, data: &[u8]) -> bool {
    match marker {
        0xE0 => data.starts_with(b"JFIF\0") || data.starts_with(b"JFXX\0"),
        0xE2 => data.starts_with(b"ICC_PROFILE\0"),
        0xEE => data.starts_with(b"Adobe"),
        0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
        _ => true,
    }
}

fn png_chunks(bytes: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let mut out = Vec::new();
    let mut i = 8;
    while i < bytes.len() {
        let len = u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind: [u8; 4] = bytes.get(i + 4..i + 8)?.try_into().ok()?;
        let data = bytes.get(i + 8..(i + 8).checked_add(len)?)?;
        out.push((kind, data));
        i += 12 + len;
        if &kind == b"IEND" {
            break;
        }
    }
    Some(out)
}

fn riff_chunks(bytes: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let mut out = Vec::new();
    let mut i = 12;
    while i + 8 <= bytes.len() {
        let kind: [u8; 4] = bytes.get(i..i + 4)?.try_into().ok()?;
        let len = u32::from_le_bytes(bytes.get(i + 4..i + 8)?.try_into().ok()?) as usize;
        let data = bytes.get(i + 8..(i + 8).checked_add(len)?)?;
        out.push((kind, data));
        i += 8 + len + (len & 1);
    }
    Some(out)
}

/// The photo without its metadata, its encoded pixels untouched.
fn strip(bytes: &[u8], format: Format) -> Option<Vec<u8>> {
    match format {
        Format::Jpeg => {
            let mut out = vec![0xFF, 0xD8];
            let segments = jpeg_segments(bytes)?;
            let mut i = 2;
            for (marker, data) in &segments {
                // Where this segment starts in the file (after any fill bytes).
                let start = data.as_ptr() as usize - bytes.as_ptr() as usize - 4;
                i = start + 4 + data.len();
                if jpeg_keeps(*marker, data) {
                    out.extend_from_slice(&bytes[start..i]);
                }
            }
            // The scans, up to the end-of-image marker: anything after it is dropped.
            let rest = &bytes[i..];
            let end = rest.windows(2).rposition(|w| w == [0xFF, 0xD9])? + 2;
            out.extend_from_slice(&rest[..end]);
            Some(out)
        }
        Format::Png => {
            let mut out = bytes[..8].to_vec();
            for (kind, data) in png_chunks(bytes)? {
                let keep = matches!(
                    &kind,
                    b"IHDR"
                        | b"PLTE"
                        | b"IDAT"
                        | b"IEND"
                        | b"tRNS"
                        | b"gAMA"
                        | b"cHRM"
                        | b"sRGB"
                        | b"iCCP"
                        | b"sBIT"
                        | b"pHYs"
                );
                if keep {
                    let start = data.as_ptr() as usize - bytes.as_ptr() as usize - 8;
                    out.extend_from_slice(&bytes[start..start + 12 + data.len()]);
                }
            }
            Some(out)
        }
        Format::Webp => {
            let mut body = b"WEBP".to_vec();
            for (kind, data) in riff_chunks(bytes)? {
                if matches!(&kind, b"EXIF" | b"XMP ") {
                    continue;
                }
                body.extend_from_slice(&kind);
                body.extend_from_slice(&(data.len() as u32).to_le_bytes());
                let at = body.len();
                body.extend_from_slice(data);
                if &kind == b"VP8X" {
                    // The flags no longer announce EXIF (0x08) or XMP (0x04).
                    body[at] &= !0x0C;
                }
                if data.len() & 1 == 1 {
                    body.push(0);
                }
            }
            let mut out = b"RIFF".to_vec();
            out.extend_from_slice(&(body.len() as u32).to_le_bytes());
            out.extend_from_slice(&body);
            Some(out)
        }
    }
}

/// The file name a photo gets in the item's folder: the name it came with through the
/// slug maker, the extension of its real type, and `-2`, `-3`, … when `taken`.
#[must_use]
pub fn file_name(name: &str, format: Format, taken: impl Fn(&str) -> bool) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut words = super::slug::words(stem);
    if words.is_empty() {
        words = "foto".into();
    }
    // Room for the suffix and the extension within a short, readable name.
    let mut cut: String = words.chars().take(60).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    let ext = format.ext();
    let mut candidate = format!("{cut}.{ext}");
    let mut n = 2;
    while taken(&candidate) || candidate == super::layout::INDEX {
        candidate = format!("{cut}-{n}.{ext}");
        n += 1;
    }
    candidate
}

/// Whether a photo's file name is one [`file_name`] makes: `a-z0-9-` words, one of the
/// three extensions.
#[must_use]
pub fn is_valid_file_name(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    matches!(ext, "jpg" | "png" | "webp")
        && !stem.is_empty()
        && stem.len() <= 70
        && !stem.starts_with('-')
        && !stem.ends_with('-')
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The type a file name's extension promises, if it is a photo's.
#[must_use]
pub fn format_of_name(name: &str) -> Option<Format> {
    match name.rsplit_once('.')?.1.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => Some(Format::Jpeg),
        "png" => Some(Format::Png),
        "webp" => Some(Format::Webp),
        _ => None,
    }
}

pub mod sample;

#[cfg(test)]
mod tests;
