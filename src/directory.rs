//! The directory every index is opened through: tantivy's memory-mapped
//! directory, except that postings, positions and document stores are read
//! with plain positional reads.
//!
//! All three are read in scattered pieces: a search reads a few posting
//! and position lists and a few dozen stored passages; a merge reads each
//! term's lists once and copies each input's store whole. Through a memory
//! map, every page touched stays mapped, and counted in the process's
//! resident memory, until the index is closed; on kernels that map a whole
//! large page-cache folio per fault, one stored passage read mapped up to
//! 2 MB. At 10x a search held 160 to 240 MB that way, and a merge the
//! stores of all its inputs at once. Read into buffers, a search holds 35
//! to 60 MB, a merge one input's store at a time, and searches take the
//! same or up to 8 % less CPU. Positions read this way took 25-35 MB off
//! the peak of two merges at once at 10x (183-195 -> 156-161 MB), at the
//! same speed for merges and phrase searches. Large reads go to anonymous
//! memory maps, which return to the system the moment they are dropped.
//! Term dictionaries, columns and field norms stay mapped: they are opened
//! whole and read in place.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::HasLen;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};

/// Files read with positional reads: postings, positions and document
/// stores.
const READ_EXTENSIONS: [&str; 3] = ["idx", "pos", "store"];

/// A tantivy directory over an index folder that reads postings, positions
/// and document stores with positional reads and maps everything else.
#[derive(Debug, Clone)]
pub struct IndexDirectory {
    root: PathBuf,
    mapped: MmapDirectory,
}

impl IndexDirectory {
    pub fn open(root: &Path) -> tantivy::Result<IndexDirectory> {
        Ok(IndexDirectory {
            root: root.to_path_buf(),
            mapped: MmapDirectory::open(root)?,
        })
    }
}

/// Reads from this size on get their own anonymous memory map.
const MAPPED_READ_BYTES: usize = 1 << 20;

/// A file read on demand: each read allocates what it returns.
#[derive(Debug)]
struct ReadFile {
    file: File,
    len: usize,
}

impl HasLen for ReadFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        let offset = range.start as u64;
        if range.len() >= MAPPED_READ_BYTES {
            let mut buffer = memmap2::MmapMut::map_anon(range.len())?;
            read_exact_at(&self.file, &mut buffer, offset)?;
            return Ok(OwnedBytes::new(buffer.make_read_only()?));
        }
        let mut buffer = vec![0; range.len()];
        read_exact_at(&self.file, &mut buffer, offset)?;
        Ok(OwnedBytes::new(buffer))
    }
}

/// Reads exactly `buffer.len()` bytes at `offset`, without moving a shared
/// cursor, so threads (the server's workers) read one file concurrently.
#[cfg(unix)]
fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buffer: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buffer.is_empty() {
        match file.seek_read(buffer, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buffer = &mut buffer[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let read = path
            .extension()
            .is_some_and(|e| READ_EXTENSIONS.iter().any(|r| e == *r));
        if !read {
            return self.mapped.get_file_handle(path);
        }
        let full = self.root.join(path);
        let opened = File::open(&full).and_then(|file| {
            let len = file.metadata()?.len() as usize;
            Ok(ReadFile { file, len })
        });
        match opened {
            Ok(file) => Ok(Arc::new(file)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(OpenReadError::FileDoesNotExist(path.to_path_buf()))
            }
            Err(e) => Err(OpenReadError::wrap_io_error(e, full)),
        }
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mapped.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.mapped.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mapped.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.mapped.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mapped.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.mapped.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.mapped.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.mapped.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_files_give_the_same_bytes_as_mapped_ones() {
        let dir = tempfile::tempdir().unwrap();
        // Past MAPPED_READ_BYTES, so that whole-file reads take the mapped path.
        let bytes: Vec<u8> = (0..3 << 20).map(|i: u32| (i * 7 % 251) as u8).collect();
        let names = ["a.store", "a.idx", "a.pos", "a.term"];
        for name in names {
            std::fs::write(dir.path().join(name), &bytes).unwrap();
        }
        let directory = IndexDirectory::open(dir.path()).unwrap();
        let mapped = MmapDirectory::open(dir.path()).unwrap();
        for name in names {
            let read = directory.open_read(Path::new(name)).unwrap();
            let expected = mapped.open_read(Path::new(name)).unwrap();
            assert_eq!(read.len(), bytes.len());
            for range in [1_234..5_678, 1_000..(2 << 20) + 17] {
                assert_eq!(
                    read.slice(range.clone()).read_bytes().unwrap().as_slice(),
                    expected.slice(range).read_bytes().unwrap().as_slice()
                );
            }
        }
        assert!(matches!(
            directory.open_read(Path::new("missing.store")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}
