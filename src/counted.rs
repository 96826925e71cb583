//! A count with its noun in the number the count takes: "1 warning",
//! "2 warnings", for messages people read.

/// `n` and `one` when `n` is 1, else `n` and `many`.
pub fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(0, "warning", "warnings"), "0 warnings");
        assert_eq!(counted(1, "file failed", "files failed"), "1 file failed");
        assert_eq!(counted(2, "passage", "passages"), "2 passages");
    }
}
