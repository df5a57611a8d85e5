//! Stable sorting, and sorted sets and maps, with one copy of the standard library's sort in the
//! wasm module.
//!
//! `slice::sort_by` is generic: each call site over its own element type and comparator gets its
//! own copy of driftsort (≈ 3.5 kB each); nineteen of them were 65 kB of the query module
//! (docs/module-size.md). Here the standard sort is instantiated once, over indices with a `dyn`
//! comparator, and each call site only adds the small generic step that moves the elements into
//! the order found. Same result as `slice::sort_by` (stable), for lists of a few thousand results.
//!
//! [`Set`] and [`Map`] are sorted `Vec`s read by binary search: the answers of `BTreeSet` and
//! `BTreeMap` (sorted iteration, one entry per key) for a fraction of the code each element type
//! costs in the module, since the query module's sets are built once and read many times.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Borrow;
use std::cmp::Ordering;

/// The set of `items`, as `collect::<BTreeSet<_>>()` makes it.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> Set<T> {
    let mut set = Set::new();
    set.extend(items);
    set
}

/// A set as a sorted `Vec` without duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub fn new() -> Self {
        Set(Vec::new())
    }

    /// Adds `item`; false if it was there.
    pub fn insert(&mut self, item: T) -> bool {
        match self.0.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(item)).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The items, sorted.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    /// Appended, then sorted: the standard sort finds the two sorted runs a sorted extension makes
    /// and merges them in one pass (a national corpus's vocabulary grows run by run).
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.0.extend(items);
        sort(&mut self.0);
        self.0.dedup();
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A map as a `Vec` of pairs sorted by key, one per key. Serialised as a map, so that its bytes
/// (postcard) and text (TOML) are those of a `BTreeMap`.
#[derive(Debug, Clone, PartialEq)]
pub struct Map<K, V>(Vec<(K, V)>);

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map(Vec::new())
    }
}

impl<K: Ord, V> Map<K, V> {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    fn position<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.position(key).ok().and_then(|at| self.0.get(at)).map(|(_, v)| v)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.position(key).is_ok()
    }

    /// The value of `key`, made by `make` if the key is new (`entry(key).or_insert_with(make)`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.position(&key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key, make()));
                at
            }
        };
        &mut self.0[at].1
    }

    /// Sets `key`'s value, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord, V> Extend<(K, V)> for Map<K, V> {
    /// As [`Set`]'s; of a key given twice the last value stays, as `BTreeMap::extend` keeps it.
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        self.0.extend(pairs);
        sort_by(&mut self.0, |a, b| a.0.cmp(&b.0));
        // Stable: of equal keys the last given is last.
        let pairs = std::mem::take(&mut self.0);
        for (k, v) in pairs {
            match self.0.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => self.0.push((k, v)),
            }
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = Map::new();
        map.extend(pairs);
        map
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Map<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Pairs<K, V> {
            type Value = Map<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                // The size hint is the input's word: capped, so that a hostile length reserves nothing.
                let mut pairs = Vec::with_capacity(access.size_hint().unwrap_or(0).min(4096));
                while let Some(pair) = access.next_entry()? {
                    pairs.push(pair);
                }
                Ok(pairs.into_iter().collect())
            }
        }
        deserializer.deserialize_map(Pairs(std::marker::PhantomData))
    }
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
            let want: Vec<u8> = v.iter().copied().collect::<std::collections::BTreeSet<u8>>().into_iter().collect();
            let ours = set(v.iter().copied());
            prop_assert_eq!(ours.as_slice(), &want[..]);
        }

        /// Inserts and extends in any order leave the set `BTreeSet` would hold.
        #[test]
        fn set_answers_as_btreeset(steps in proptest::collection::vec((any::<bool>(), proptest::collection::vec(0u8..40, 0..12)), 0..12)) {
            let mut ours = Set::new();
            let mut std = std::collections::BTreeSet::new();
            for (one_by_one, items) in steps {
                if one_by_one {
                    for &x in &items {
                        prop_assert_eq!(ours.insert(x), std.insert(x));
                    }
                } else {
                    ours.extend(items.iter().copied());
                    std.extend(items.iter().copied());
                }
                prop_assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
            }
            for x in 0u8..40 {
                prop_assert_eq!(ours.contains(&x), std.contains(&x));
            }
        }

        /// Inserts, extends (with keys given twice) and `get_or_insert_with` leave the map
        /// `BTreeMap` would hold, and it encodes to the same postcard bytes.
        #[test]
        fn map_answers_and_encodes_as_btreemap(steps in proptest::collection::vec((0u8..3, proptest::collection::vec((0u8..30, any::<u16>()), 0..12)), 0..12)) {
            let mut ours = Map::new();
            let mut std = std::collections::BTreeMap::new();
            for (how, pairs) in steps {
                match how {
                    0 => {
                        for &(k, v) in &pairs {
                            prop_assert_eq!(ours.insert(k, v), std.insert(k, v));
                        }
                    }
                    1 => {
                        ours.extend(pairs.iter().copied());
                        std.extend(pairs.iter().copied());
                    }
                    _ => {
                        for &(k, v) in &pairs {
                            let e = ours.get_or_insert_with(k, || v);
                            *e = e.wrapping_add(1);
                            let e = std.entry(k).or_insert(v);
                            *e = e.wrapping_add(1);
                        }
                    }
                }
                prop_assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
            }
            for k in 0u8..30 {
                prop_assert_eq!(ours.get(&k), std.get(&k));
            }
            let bytes = postcard::to_allocvec(&ours).unwrap();
            prop_assert_eq!(&bytes, &postcard::to_allocvec(&std).unwrap());
            prop_assert_eq!(postcard::from_bytes::<Map<u8, u16>>(&bytes).unwrap(), ours);
        }
    }
}
