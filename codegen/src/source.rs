//! Source files and positions.
//!
//! Every diagnostic points at a `file:line:column`, so each loaded file is kept
//! here with its text; nodes carry a [`Span`] that indexes into this map instead
//! of borrowing the text, which keeps the document model free of lifetimes.

use std::fmt;
use std::path::{Path, PathBuf};

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub(crate) u32);

/// A 1-based line and 1-based column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pos {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters (not bytes, not display cells).
    pub col: u32,
}

/// Where a node, key or token sits in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The file, an index into the [`SourceMap`] of the same generation.
    pub file: FileId,
    /// The first character.
    pub start: Pos,
    /// Just past the last character (exclusive).
    pub end: Pos,
}

impl Span {
    /// A span `len` characters wide starting `offset` characters after this
    /// span's start, on the same line. Used to point inside a scalar, e.g. at one
    /// runtime expression within a condition. Multi-line scalars and quoted
    /// scalars fall back to the start of the node, which is still the right line.
    pub(crate) fn narrow(self, offset_chars: usize, len_chars: usize, quoted: bool) -> Span {
        if self.start.line != self.end.line && self.end.line != 0 {
            return self;
        }
        let shift = u32::try_from(offset_chars).unwrap_or(0) + u32::from(quoted);
        let start = Pos {
            line: self.start.line,
            col: self.start.col.saturating_add(shift),
        };
        let end = Pos {
            line: self.start.line,
            col: start.col.saturating_add(u32::try_from(len_chars.max(1)).unwrap_or(1)),
        };
        Span {
            file: self.file,
            start,
            end,
        }
    }
}

/// One loaded file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Absolute (or as given) path used to read the file and resolve relative URLs.
    pub path: PathBuf,
    /// The name shown in diagnostics, usually relative to the crate root.
    pub display: String,
    /// The whole text as read.
    pub text: String,
}

impl SourceFile {
    /// The text of a 1-based line, without its line terminator.
    pub fn line(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.text.lines().nth(index)
    }

    /// The bytes a span covers (columns count characters; the end is
    /// exclusive), so a tool can edit the file exactly there.
    pub fn byte_range(&self, span: Span) -> Option<std::ops::Range<usize>> {
        let start = self.byte_at(span.start)?;
        let end = self.byte_at(span.end)?;
        (start <= end).then_some(start..end)
    }

    fn byte_at(&self, pos: Pos) -> Option<usize> {
        let line_start = self.line_offset(pos.line)?;
        let line = self.line(pos.line).unwrap_or("");
        let chars = usize::try_from(pos.col.checked_sub(1)?).ok()?;
        match line.char_indices().nth(chars) {
            Some((i, _)) => Some(line_start + i),
            None if chars == line.chars().count() => Some(line_start + line.len()),
            None => None,
        }
    }

    /// The byte offset at which a 1-based line starts.
    pub(crate) fn line_offset(&self, line: u32) -> Option<usize> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        if index == 0 {
            return Some(0);
        }
        self.text
            .match_indices('\n')
            .nth(index - 1)
            .map(|(i, _)| i + 1)
            .filter(|&start| start <= self.text.len())
    }
}

/// All files read during one generation.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub(crate) fn add(&mut self, path: PathBuf, display: String, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile { path, display, text });
        id
    }

    /// The file `id` names, if it is one of this map's.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(usize::try_from(id.0).ok()?)
    }

    /// The file already loaded from `path`, so a document named twice is read once.
    pub(crate) fn find(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .and_then(|i| u32::try_from(i).ok())
            .map(FileId)
    }

    /// Every file, in the order read (the entry document first).
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), f))
    }

    /// `file:line:column` for a span.
    pub fn location(&self, span: Span) -> Location<'_> {
        Location { map: self, span }
    }
}

/// Displays as `file:line:column`.
pub struct Location<'a> {
    map: &'a SourceMap,
    span: Span,
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.map.get(self.span.file).map_or("<unknown>", |s| s.display.as_str());
        write!(f, "{}:{}:{}", name, self.span.start.line, self.span.start.col)
    }
}
