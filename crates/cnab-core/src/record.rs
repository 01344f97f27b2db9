//! Records: a layout table plus the raw line bytes. Fields decode on demand; nothing the bank sent is lost.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::sync::Arc;

use crate::error::Error;
use crate::field::{decode, FieldSpec, RecordLayout, Value};

/// A view over one line: its layout and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// The layout table.
    pub layout: &'static RecordLayout,
    /// The line's bytes, without the line ending, padded to the layout's length where the reader padded it.
    pub bytes: &'a [u8],
    /// 1-based line number.
    pub line: usize,
}

impl<'a> Record<'a> {
    /// Decodes the named field; `None` if the layout has no such field.
    pub fn get(&self, name: &str) -> Option<Result<Value, Error>> {
        let spec = self.layout.field(name)?;
        Some(self.decode(spec))
    }

    /// Decodes one field of this record.
    pub fn decode(&self, spec: &'static FieldSpec) -> Result<Value, Error> {
        decode(spec, spec.slice(self.bytes))
            .map_err(|k| Error::at_field(self.line, self.layout.name, spec, k))
    }

    /// The raw bytes of the named field.
    pub fn raw(&self, name: &str) -> Option<&'a [u8]> {
        self.layout.field(name).map(|f| f.slice(self.bytes))
    }

    /// Walks every field: its spec and its raw bytes.
    pub fn fields(&self) -> impl Iterator<Item = (&'static FieldSpec, &'a [u8])> + '_ {
        let bytes = self.bytes;
        self.layout.fields.iter().map(move |f| (f, f.slice(bytes)))
    }

    /// Checks every field's encoding; returns each problem.
    pub fn validate(&self) -> Vec<Error> {
        self.layout
            .fields
            .iter()
            .filter_map(|f| self.decode(f).err())
            .collect()
    }
}

/// How a line ended in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LineEnding {
    /// `\r\n`
    CrLf,
    /// `\n`
    Lf,
    /// `\r`
    Cr,
    /// End of file without a line ending.
    None,
}

impl LineEnding {
    /// The bytes.
    pub fn as_bytes(self) -> &'static [u8] {
        match self {
            LineEnding::CrLf => b"\r\n",
            LineEnding::Lf => b"\n",
            LineEnding::Cr => b"\r",
            LineEnding::None => b"",
        }
    }
}

/// An owned record: the line exactly as the file had it, the layout it was read with, and its line ending.
///
/// The bytes are shared: every record of a file read in memory points into one copy of the input, so keeping all
/// records costs one allocation, not one per line.
#[derive(Debug, Clone)]
pub struct RawRecord {
    /// 1-based line number.
    pub line: usize,
    /// The layout it was read with; `None` when no layout matched (its name is then `"desconhecido"`).
    pub layout: Option<&'static RecordLayout>,
    source: Arc<[u8]>,
    start: usize,
    end: usize,
    /// The line ending that followed it.
    pub ending: LineEnding,
}

impl RawRecord {
    /// A record owning its bytes.
    pub fn new(
        line: usize,
        layout: Option<&'static RecordLayout>,
        bytes: Vec<u8>,
        ending: LineEnding,
    ) -> Self {
        let end = bytes.len();
        RawRecord {
            line,
            layout,
            source: bytes.into(),
            start: 0,
            end,
            ending,
        }
    }

    /// A record over `source[start..end]`.
    pub(crate) fn shared(
        line: usize,
        layout: Option<&'static RecordLayout>,
        source: Arc<[u8]>,
        start: usize,
        end: usize,
        ending: LineEnding,
    ) -> Self {
        RawRecord {
            line,
            layout,
            source,
            start,
            end,
            ending,
        }
    }

    /// The line's bytes as in the file, without its ending.
    pub fn bytes(&self) -> &[u8] {
        self.source.get(self.start..self.end).unwrap_or(&[])
    }
}

impl PartialEq for RawRecord {
    fn eq(&self, other: &Self) -> bool {
        self.line == other.line
            && self.layout == other.layout
            && self.ending == other.ending
            && self.bytes() == other.bytes()
    }
}
impl Eq for RawRecord {}

impl PartialEq for RecordLayout {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && std::ptr::eq(self.fields, other.fields)
    }
}
impl Eq for RecordLayout {}

impl RawRecord {
    /// A view of this record, padded with spaces to the layout's length when the line was short.
    pub fn with_view<T>(&self, f: impl FnOnce(Option<Record<'_>>) -> T) -> T {
        match self.layout {
            None => f(None),
            Some(layout) => {
                let bytes = crate::read::fit_line(self.bytes(), layout.len);
                f(Some(Record {
                    layout,
                    bytes: &bytes,
                    line: self.line,
                }))
            }
        }
    }

    /// The record's name.
    pub fn name(&self) -> &'static str {
        self.layout.map_or("desconhecido", |l| l.name)
    }
}

impl Serialize for RawRecord {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Fields<'a>(&'a RawRecord);
        impl Serialize for Fields<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.with_view(|view| {
                    let Some(view) = view else {
                        return s.serialize_map(Some(0))?.end();
                    };
                    let mut map = s.serialize_map(Some(view.layout.fields.len()))?;
                    for (spec, _) in view.fields() {
                        match view.decode(spec) {
                            Ok(v) => map.serialize_entry(spec.name, &v)?,
                            Err(e) => map.serialize_entry(
                                spec.name,
                                &FieldError {
                                    raw: crate::field::lossy(spec.slice(view.bytes)),
                                    error: e,
                                },
                            )?,
                        }
                    }
                    map.end()
                })
            }
        }
        #[derive(Serialize)]
        struct FieldError {
            raw: String,
            error: Error,
        }
        let mut st = s.serialize_struct("RawRecord", 4)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("record", self.name())?;
        st.serialize_field("raw", &crate::field::lossy(self.bytes()))?;
        st.serialize_field("fields", &Fields(self))?;
        st.end()
    }
}

/// Writes records back exactly as they were read: same bytes, same line endings.
pub fn write_raw(prefix: &[u8], records: &[RawRecord], suffix: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        prefix.len() + suffix.len() + records.iter().map(|r| r.bytes().len() + 2).sum::<usize>(),
    );
    out.extend_from_slice(prefix);
    for r in records {
        out.extend_from_slice(r.bytes());
        out.extend_from_slice(r.ending.as_bytes());
    }
    out.extend_from_slice(suffix);
    out
}
