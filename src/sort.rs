//! Stable sorting with one copy of the standard library's sort in the wasm module.
//!
//! `slice::sort_by` is generic: each call site over its own element type and comparator gets its
//! own copy of driftsort (≈ 3.5 kB each); nineteen of them were 65 kB of the query module
//! (docs/module-size.md). Here the standard sort is instantiated once, over indices with a `dyn`
//! comparator, and each call site only adds the small generic step that moves the elements into
//! the order found. Same result as `slice::sort_by` (stable), for lists of a few thousand results.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// `items.collect::<BTreeSet<_>>()` without its sort: `FromIterator` sorts the items first (one more
/// copy of the standard sort per element type), inserting them one by one does not.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// `v.sort_by(compare)`, stable, with the standard sort instantiated once for every caller.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let items: &[T] = v;
        sort_indices(&mut order, &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => compare(x, y),
            _ => Ordering::Equal, // cannot happen: every index is below v.len()
        });
    }
    permute(v, &mut order);
}

/// `v.sort_by_key(key)`, stable.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()` (and `sort_unstable()`: equal elements of a total order are indistinguishable).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Best first: score descending, then position ascending, as
/// `sort_by(v, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)))` orders them. Each pair becomes one
/// `u64` sorted unstably (the order is total, so stability cannot show), the copy of the unstable
/// sort the diff's bigrams already bring: a national corpus's tens of thousands of matches sort
/// several times faster than through `sort_by`'s indices and `dyn` comparator.
pub fn best_first(v: &mut [(usize, f32)]) {
    if v.iter().any(|&(i, _)| u32::try_from(i).is_err()) {
        return sort_by(v, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    // `f32::total_cmp`'s key: the bits as a signed number, negatives' magnitude bits flipped; then
    // as an unsigned number (sign bit flipped) and inverted, so that ascending keys are descending
    // scores.
    let descending = |s: f32| {
        let bits = s.to_bits() as i32;
        let ordered = bits ^ (((bits >> 31) as u32) >> 1) as i32;
        !((ordered as u32) ^ 0x8000_0000)
    };
    let score = |key: u32| {
        let ordered = ((!key) ^ 0x8000_0000) as i32;
        f32::from_bits((ordered ^ (((ordered >> 31) as u32) >> 1) as i32) as u32)
    };
    let mut keys: Vec<u64> = v.iter().map(|&(i, s)| (u64::from(descending(s)) << 32) | i as u64).collect();
    keys.sort_unstable();
    for (slot, key) in v.iter_mut().zip(keys) {
        *slot = ((key & 0xFFFF_FFFF) as usize, score((key >> 32) as u32));
    }
}

#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Put `v[order[i]]` at `i` for every `i`, following each cycle of the permutation once
/// (`order` is a permutation of `0..v.len()`; it is used up as the record of what is done).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == DONE || from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_order_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut expected = v;
            // Compare on the first field only: stability shows in the order of the second.
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|x| std::cmp::Reverse(x.0));
            prop_assert_eq!(ours, expected);
        }

        #[test]
        fn sort_and_sort_by_key_agree_with_std(v in proptest::collection::vec(any::<(u8, u8)>(), 0..100)) {
            let mut ours = v.clone();
            let mut std = v.clone();
            sort(&mut ours);
            std.sort();
            prop_assert_eq!(&ours, &std);
            let mut ours = v.clone();
            let mut std = v;
            sort_by_key(&mut ours, |p| std::cmp::Reverse(p.1));
            std.sort_by_key(|p| std::cmp::Reverse(p.1));
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn best_first_orders_as_sort_by_does(v in proptest::collection::vec((0usize..50, any::<u32>()), 0..200)) {
            // Any bits: negative scores, zeros of both signs, infinities and NaNs of every payload.
            let v: Vec<(usize, f32)> = v.into_iter().map(|(i, bits)| (i, f32::from_bits(bits))).collect();
            let mut ours = v.clone();
            let mut std = v;
            best_first(&mut ours);
            std.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let bits = |v: &[(usize, f32)]| v.iter().map(|&(i, s)| (i, s.to_bits())).collect::<Vec<_>>();
            prop_assert_eq!(bits(&ours), bits(&std));
        }

        #[test]
        fn set_is_what_collect_makes(v in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(set(v.iter().copied()), v.into_iter().collect::<BTreeSet<u8>>());
        }
    }
}
