//! The directory that compaction merges through: tantivy's memory-mapped
//! directory, except that document stores are read with plain reads.
//!
//! A merge copies each input segment's document store whole, and the store
//! is the larger part of an index (about 60 % of it at 10x). Through a
//! memory map, every copied page stays mapped, and counted in the process's
//! resident memory, until the merge ends: a merge's peak held the stores of
//! all its inputs at once. Read into a buffer, one input's store is held at
//! a time and freed once copied, so the merge's peak is bounded by the
//! largest input segment rather than by the size of the merged one. Large
//! reads go to anonymous memory maps, which return to the system the moment
//! they are dropped; from the allocator, a merge's freed buffers lingered
//! (about 100 MB at 10x) until its decay timer purged them.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::HasLen;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};

/// A tantivy directory over an index folder that reads `.store` files with
/// plain reads and maps everything else.
#[derive(Debug, Clone)]
pub struct MergeDirectory {
    root: PathBuf,
    mapped: MmapDirectory,
}

impl MergeDirectory {
    pub fn open(root: &Path) -> tantivy::Result<MergeDirectory> {
        Ok(MergeDirectory {
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
    file: Mutex<File>,
    len: usize,
}

impl HasLen for ReadFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        let mut file = self
            .file
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        file.seek(SeekFrom::Start(range.start as u64))?;
        if range.len() >= MAPPED_READ_BYTES {
            let mut buffer = memmap2::MmapMut::map_anon(range.len())?;
            file.read_exact(&mut buffer)?;
            return Ok(OwnedBytes::new(buffer.make_read_only()?));
        }
        let mut buffer = vec![0; range.len()];
        file.read_exact(&mut buffer)?;
        Ok(OwnedBytes::new(buffer))
    }
}

impl Directory for MergeDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if path.extension().is_none_or(|e| e != "store") {
            return self.mapped.get_file_handle(path);
        }
        let full = self.root.join(path);
        let opened = File::open(&full).and_then(|file| {
            let len = file.metadata()?.len() as usize;
            Ok(ReadFile {
                file: Mutex::new(file),
                len,
            })
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
    fn store_files_read_the_same_bytes_as_mapped_ones() {
        let dir = tempfile::tempdir().unwrap();
        // Past MAPPED_READ_BYTES, so that whole-file reads take the mapped path.
        let bytes: Vec<u8> = (0..3 << 20).map(|i: u32| (i * 7 % 251) as u8).collect();
        for name in ["a.store", "a.idx"] {
            std::fs::write(dir.path().join(name), &bytes).unwrap();
        }
        let merging = MergeDirectory::open(dir.path()).unwrap();
        let mapped = MmapDirectory::open(dir.path()).unwrap();
        for name in ["a.store", "a.idx"] {
            let read = merging.open_read(Path::new(name)).unwrap();
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
            merging.open_read(Path::new("missing.store")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}
