;; The data lines of a CSV text without quotes, split and coded in WebAssembly (plain-rows.ts).
;;
;; A run on a small file splits and codes its rows before V8 has optimised the JavaScript that
;; does it; here the bytes are scanned once, and each cell that matters is looked up by its
;; bytes in a table of the cells met before, without making a string of it. A cell not yet in
;; the table is handed to JavaScript, which codes it once with the codebook's coder and inserts
;; the result. Anything this scanner does not decide itself (a line of another width, a line
;; that may be blank by Unicode's whitespace) stops it where that line starts, untouched.
;;
;; All addresses are byte offsets into the exported memory, laid out by plain-rows.ts:
;;   the text                 bytes [pos, end): UTF-8, no `"` in it, starting at a line start
;;   fields (width x 8)       per field of a line: the index of its first role, its number of roles
;;   roles (16 bytes each)    kind (i32), value address (i32), entry-id address (i32, -1: none),
;;                            the value address's step per row of a block (i32, see `blocking`)
;;   table (capacity x 32)    hash (i32), role + 1 (i32, 0: free), cell offset (i32),
;;                            (a table that gets half full is moved into one twice its size,
;;                            right after it, up to maxCapacity; the room is the caller's)
;;                            cell length (i32), value (f64), entry id (i32), unused (i32)
;;   scales (16 bytes each)   the address of its first code (f64, its k codes in a row), k,
;;                            1 for a sum score (0: mean), the fewest answers for a score
;;   scores (f64 per scale)   each row's scale scores, as scale-score.ts computes them
;;   tallies                  per entry id, its domain (i32, -1: a missing group value); per
;;                            domain and prevalence entry, positive and answered rows (two
;;                            f64); per group column, rows without a value (f64)
;; Role kinds: 0 the cell's value (f64) is stored at the value address; 1 the value is stored as
;; one signed byte (a prevalence outcome, -1, 0 or 1); 2 only the entry id is stored; 3 the
;; cell's offset and length (two i32) are stored at the value address, with no lookup.
;; Blocks: after `blocking`, a row does not stop the scan. The rows are written one after the
;; other, row b of the block at each value address plus b times its role's step, its scores at
;; scores + 8 (b scales + s), each scale's codes from its first code's address plus b k 8, and its
;; line at lines + 4 b; the scan stops when the block holds `capacity` rows (4), or as without
;; blocks (0, 2, 3) with the block's rows so far kept. `takeRows` gives their count and starts a
;; new block. Without blocks b is always 0.
;; Line breaks are LF, CRLF and CR, in any mix, as in csv-records.ts; an empty line is skipped.
(module
  (memory (export "memory") 1)

  (global $pos (mut i32) (i32.const 0))
  (global $end (mut i32) (i32.const 0))
  (global $line (mut i32) (i32.const 0))
  (global $width (mut i32) (i32.const 0))
  (global $delimiter (mut i32) (i32.const 0))
  (global $fields (mut i32) (i32.const 0))
  (global $roles (mut i32) (i32.const 0))
  (global $table (mut i32) (i32.const 0))
  (global $mask (mut i32) (i32.const 0))
  (global $capacity (mut i32) (i32.const 0))
  (global $maxCapacity (mut i32) (i32.const 0))
  (global $entries (mut i32) (i32.const 0))
  (global $rowLine (mut i32) (i32.const 0))
  (global $missRole (mut i32) (i32.const 0))
  (global $missStart (mut i32) (i32.const 0))
  (global $missLength (mut i32) (i32.const 0))
  (global $missHash (mut i32) (i32.const 0))
  (global $missSlot (mut i32) (i32.const 0))
  (global $scales (mut i32) (i32.const 0))
  (global $scaleCount (mut i32) (i32.const 0))
  (global $scores (mut i32) (i32.const 0))
  (global $tallyOn (mut i32) (i32.const 0))
  (global $tallyEntries (mut i32) (i32.const 0))
  (global $outcomes (mut i32) (i32.const 0))
  (global $groups (mut i32) (i32.const 0))
  (global $groupIds (mut i32) (i32.const 0))
  (global $domainOf (mut i32) (i32.const 0))
  (global $counts (mut i32) (i32.const 0))
  (global $groupMissing (mut i32) (i32.const 0))
  (global $blockRows (mut i32) (i32.const 0))
  (global $blockCapacity (mut i32) (i32.const 0))
  (global $lines (mut i32) (i32.const 0))

  (func (export "setup")
    (param $pos i32) (param $end i32) (param $line i32) (param $width i32) (param $delimiter i32)
    (param $fields i32) (param $roles i32) (param $table i32) (param $capacity i32) (param $maxCapacity i32)
    (global.set $pos (local.get $pos))
    (global.set $end (local.get $end))
    (global.set $line (local.get $line))
    (global.set $width (local.get $width))
    (global.set $delimiter (local.get $delimiter))
    (global.set $fields (local.get $fields))
    (global.set $roles (local.get $roles))
    (global.set $table (local.get $table))
    (global.set $mask (i32.sub (local.get $capacity) (i32.const 1)))
    (global.set $capacity (local.get $capacity))
    (global.set $maxCapacity (local.get $maxCapacity))
    (global.set $entries (i32.const 0)))

  ;; The scales whose scores each row gets (none until this is called).
  (func (export "scoring") (param $scales i32) (param $count i32) (param $scores i32)
    (global.set $scales (local.get $scales))
    (global.set $scaleCount (local.get $count))
    (global.set $scores (local.get $scores)))

  ;; The prevalence counts each row adds to (prevalence-accumulator.ts without a cluster column):
  ;; `entries` outcomes (one signed byte each) at `outcomes`, the entry ids of the row's `groups`
  ;; group cells at `groupIds` (i32 each).
  (func (export "tallying") (param $entries i32) (param $outcomes i32) (param $groups i32) (param $groupIds i32)
    (param $domainOf i32) (param $counts i32) (param $groupMissing i32)
    (global.set $tallyOn (i32.const 1))
    (global.set $tallyEntries (local.get $entries))
    (global.set $outcomes (local.get $outcomes))
    (global.set $groups (local.get $groups))
    (global.set $groupIds (local.get $groupIds))
    (global.set $domainOf (local.get $domainOf))
    (global.set $counts (local.get $counts))
    (global.set $groupMissing (local.get $groupMissing)))

  ;; Rows in blocks of `capacity` (see the top), their lines at `lines` (i32 each).
  (func (export "blocking") (param $capacity i32) (param $lines i32)
    (global.set $blockCapacity (local.get $capacity))
    (global.set $lines (local.get $lines)))

  ;; The rows of the block so far; the next row starts a new block.
  (func (export "takeRows") (result i32)
    (local $rows i32)
    (local.set $rows (global.get $blockRows))
    (global.set $blockRows (i32.const 0))
    (local.get $rows))

  (func (export "position") (result i32) (global.get $pos))
  (func (export "rowLine") (result i32) (global.get $rowLine))
  (func (export "missRole") (result i32) (global.get $missRole))
  (func (export "missStart") (result i32) (global.get $missStart))
  (func (export "missLength") (result i32) (global.get $missLength))
  (func (export "entries") (result i32) (global.get $entries))

  ;; The bytes [at, at + length) as at most three 64-bit words, mixed: the first 8 (only the
  ;; cell's, for a shorter cell), the last 8 of a longer cell and 8 from its middle when it is
  ;; longer than 16 bytes; then the role and the length, and the mixing steps of MurmurHash3's
  ;; 64-bit finaliser (Appleby). Words may be read past the cell (the text is followed by the
  ;; outputs in memory); only its own bytes count. Cells that share those bytes and differ
  ;; elsewhere only share a hash: `same` still tells them apart.
  (func $hash (param $role i32) (param $at i32) (param $length i32) (result i32)
    (local $h i64)
    (if (i32.le_u (local.get $length) (i32.const 8))
      (then
        (if (local.get $length) (then
          (local.set $h (i64.and (i64.load (local.get $at))
            (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 64) (i32.shl (local.get $length) (i32.const 3))))))))))
      (else
        (local.set $h (i64.xor (i64.load (local.get $at))
          (i64.rotl (i64.load (i32.sub (i32.add (local.get $at) (local.get $length)) (i32.const 8))) (i64.const 23))))
        (if (i32.gt_u (local.get $length) (i32.const 16)) (then
          (local.set $h (i64.xor (local.get $h)
            (i64.rotl (i64.load (i32.add (local.get $at) (i32.sub (i32.shr_u (local.get $length) (i32.const 1)) (i32.const 4)))) (i64.const 47))))))))
    (local.set $h (i64.xor (local.get $h)
      (i64.mul (i64.extend_i32_u (i32.xor (i32.shl (local.get $role) (i32.const 16)) (local.get $length))) (i64.const 0x9e3779b97f4a7c15))))
    (local.set $h (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))) (i64.const 0xff51afd7ed558ccd)))
    (local.set $h (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))) (i64.const 0xc4ceb9fe1a85ec53)))
    (i32.wrap_i64 (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33)))))

  ;; Whether bytes [a, a + length) and [b, b + length) are equal, eight at a time: a cell of at
  ;; most 8 bytes is one masked word, a longer one its whole words and then its last 8 bytes.
  (func $same (param $a i32) (param $b i32) (param $length i32) (result i32)
    (local $i i32) (local $last i32)
    (if (i32.le_u (local.get $length) (i32.const 8)) (then
      (if (i32.eqz (local.get $length)) (then (return (i32.const 1))))
      (return (i64.eqz (i64.and (i64.xor (i64.load (local.get $a)) (i64.load (local.get $b)))
        (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 64) (i32.shl (local.get $length) (i32.const 3))))))))))
    (local.set $last (i32.sub (local.get $length) (i32.const 8)))
    (block $done (loop $word
      (br_if $done (i32.ge_u (local.get $i) (local.get $last)))
      (if (i64.ne (i64.load (i32.add (local.get $a) (local.get $i))) (i64.load (i32.add (local.get $b) (local.get $i))))
        (then (return (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br $word)))
    (i64.eq (i64.load (i32.add (local.get $a) (local.get $last))) (i64.load (i32.add (local.get $b) (local.get $last)))))

  ;; For a line of one field [at, stop): 1 when it is only spaces, tabs, vertical tabs and form
  ;; feeds (blank, as JavaScript's trim() sees it), 2 when it is those and bytes beyond ASCII
  ;; (which may be Unicode whitespace), 0 otherwise.
  (func $blankness (param $at i32) (param $stop i32) (result i32)
    (local $c i32) (local $wide i32)
    (block $done (loop $byte
      (br_if $done (i32.ge_u (local.get $at) (local.get $stop)))
      (local.set $c (i32.load8_u (local.get $at)))
      (if (i32.ge_u (local.get $c) (i32.const 0x80))
        (then (local.set $wide (i32.const 1)))
        (else
          (if (i32.eqz (i32.or (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 9)))
                               (i32.or (i32.eq (local.get $c) (i32.const 11)) (i32.eq (local.get $c) (i32.const 12)))))
            (then (return (i32.const 0))))))
      (local.set $at (i32.add (local.get $at) (i32.const 1)))
      (br $byte)))
    (i32.add (i32.const 1) (local.get $wide)))

  ;; The table entry of (role, cell), or -1 with the free slot where it belongs kept for `insert`
  ;; (linear probing; plain-rows.ts keeps the table at most half full, so a free slot exists).
  (func $find (param $role i32) (param $at i32) (param $length i32) (result i32)
    (local $h i32) (local $slot i32) (local $entry i32) (local $owner i32)
    (local.set $h (call $hash (local.get $role) (local.get $at) (local.get $length)))
    (local.set $slot (i32.and (local.get $h) (global.get $mask)))
    (loop $probe
      (local.set $entry (i32.add (global.get $table) (i32.shl (local.get $slot) (i32.const 5))))
      (local.set $owner (i32.load offset=4 (local.get $entry)))
      (if (i32.eqz (local.get $owner)) (then
        (global.set $missHash (local.get $h))
        (global.set $missSlot (local.get $entry))
        (return (i32.const -1))))
      (if (i32.and
            (i32.and
              (i32.eq (local.get $owner) (i32.add (local.get $role) (i32.const 1)))
              (i32.eq (i32.load (local.get $entry)) (local.get $h)))
            (i32.eq (i32.load offset=12 (local.get $entry)) (local.get $length)))
        (then
          (if (call $same (i32.load offset=8 (local.get $entry)) (local.get $at) (local.get $length))
            (then (return (local.get $entry))))))
      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
      (br $probe))
    (unreachable))

  ;; The cell [at, at + length) of field f into the outputs of the field's roles: 0, or 1 when a
  ;; role has not met the cell yet (kept in missRole, missStart, missLength for `insert`).
  (func $field (param $f i32) (param $at i32) (param $length i32) (result i32)
    (local $role i32) (local $last i32) (local $r i32) (local $kind i32) (local $entry i32) (local $ids i32) (local $out i32)
    (if (i32.ge_u (local.get $f) (global.get $width)) (then (return (i32.const 0))))
    (local.set $role (i32.load (i32.add (global.get $fields) (i32.shl (local.get $f) (i32.const 3)))))
    (local.set $last (i32.add (local.get $role)
      (i32.load offset=4 (i32.add (global.get $fields) (i32.shl (local.get $f) (i32.const 3))))))
    (block $done (loop $roles
      (br_if $done (i32.ge_u (local.get $role) (local.get $last)))
      (local.set $r (i32.add (global.get $roles) (i32.shl (local.get $role) (i32.const 4))))
      (local.set $kind (i32.load (local.get $r)))
      (local.set $out (i32.add (i32.load offset=4 (local.get $r))
        (i32.mul (global.get $blockRows) (i32.load offset=12 (local.get $r)))))
      (if (i32.eq (local.get $kind) (i32.const 3))
        (then
          (i32.store (local.get $out) (local.get $at))
          (i32.store offset=4 (local.get $out) (local.get $length)))
        (else
          (local.set $entry (call $find (local.get $role) (local.get $at) (local.get $length)))
          (if (i32.lt_s (local.get $entry) (i32.const 0)) (then
            (global.set $missRole (local.get $role))
            (global.set $missStart (local.get $at))
            (global.set $missLength (local.get $length))
            (return (i32.const 1))))
          (if (i32.eqz (local.get $kind))
            (then (f64.store (local.get $out) (f64.load offset=16 (local.get $entry)))))
          (if (i32.eq (local.get $kind) (i32.const 1))
            (then (i32.store8 (local.get $out) (i32.trunc_f64_s (f64.load offset=16 (local.get $entry))))))
          (local.set $ids (i32.load offset=8 (local.get $r)))
          (if (i32.ge_s (local.get $ids) (i32.const 0))
            (then (i32.store (local.get $ids) (i32.load offset=24 (local.get $entry)))))))
      (local.set $role (i32.add (local.get $role) (i32.const 1)))
      (br $roles)))
    (i32.const 0))

  ;; The pending cell (the last miss) into the table with `value`; its entry id.
  (func (export "insert") (param $value f64) (result i32)
    (local $entry i32)
    (local.set $entry (global.get $missSlot))
    (i32.store (local.get $entry) (global.get $missHash))
    (i32.store offset=4 (local.get $entry) (i32.add (global.get $missRole) (i32.const 1)))
    (i32.store offset=8 (local.get $entry) (global.get $missStart))
    (i32.store offset=12 (local.get $entry) (global.get $missLength))
    (f64.store offset=16 (local.get $entry) (local.get $value))
    (i32.store offset=24 (local.get $entry) (global.get $entries))
    (global.set $entries (i32.add (global.get $entries) (i32.const 1)))
    (if (i32.and
          (i32.ge_u (i32.shl (global.get $entries) (i32.const 1)) (global.get $capacity))
          (i32.lt_u (global.get $capacity) (global.get $maxCapacity)))
      (then (call $grow)))
    (i32.sub (global.get $entries) (i32.const 1)))

  ;; The table's entries into one twice its size right after it (zeroed memory), each at the
  ;; first free slot from its hash, as `find` probes. A small table keeps a small file's scan on
  ;; few memory pages: each page touched for the first time costs a page fault.
  (func $grow
    (local $old i32) (local $stop i32) (local $table i32) (local $mask i32) (local $slot i32) (local $to i32)
    (local.set $old (global.get $table))
    (local.set $stop (i32.add (local.get $old) (i32.shl (global.get $capacity) (i32.const 5))))
    (local.set $table (local.get $stop))
    (local.set $mask (i32.sub (i32.shl (global.get $capacity) (i32.const 1)) (i32.const 1)))
    (block $done (loop $entry
      (br_if $done (i32.ge_u (local.get $old) (local.get $stop)))
      (if (i32.load offset=4 (local.get $old)) (then
        (local.set $slot (i32.and (i32.load (local.get $old)) (local.get $mask)))
        (block $placed (loop $probe
          (local.set $to (i32.add (local.get $table) (i32.shl (local.get $slot) (i32.const 5))))
          (br_if $placed (i32.eqz (i32.load offset=4 (local.get $to))))
          (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
          (br $probe)))
        (i64.store (local.get $to) (i64.load (local.get $old)))
        (i64.store offset=8 (local.get $to) (i64.load offset=8 (local.get $old)))
        (i64.store offset=16 (local.get $to) (i64.load offset=16 (local.get $old)))
        (i64.store offset=24 (local.get $to) (i64.load offset=24 (local.get $old)))))
      (local.set $old (i32.add (local.get $old) (i32.const 32)))
      (br $entry)))
    (global.set $table (local.get $table))
    (global.set $capacity (i32.shl (global.get $capacity) (i32.const 1)))
    (global.set $mask (local.get $mask)))

  ;; The next data line: 0 at the end of the text; 1 a row, its outputs written and rowLine its
  ;; line; 2 a cell not yet in the table (after `insert`, the same line is scanned again);
  ;; 3 a line left to the JavaScript reader (another number of fields than `width`, or a single
  ;; field of whitespace and bytes beyond ASCII); 4 a full block (see the top). After 2 and 3
  ;; `position` is where the line starts.
  (func (export "next") (result i32)
    (local $p i32) (local $c i32) (local $f i32) (local $fieldAt i32) (local $blank i32) (local $after i32) (local $lineAt i32)
    (local $end i32) (local $delimiter i32) (local $delimiters i64) (local $x i64) (local $v i64) (local $stops i64)
    (local.set $end (global.get $end))
    (local.set $delimiter (global.get $delimiter))
    (local.set $delimiters (i64.mul (i64.extend_i32_u (local.get $delimiter)) (i64.const 0x0101010101010101)))
    (loop $lines
      (if (i32.ge_u (global.get $pos) (global.get $end)) (then (return (i32.const 0))))
      (local.set $p (global.get $pos))
      (local.set $c (i32.load8_u (local.get $p)))
      ;; An empty line.
      (if (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13))) (then
        (global.set $pos (call $afterBreak (local.get $p)))
        (global.set $line (i32.add (global.get $line) (i32.const 1)))
        (br $lines)))
      (global.set $rowLine (global.get $line))
      (local.set $f (i32.const 0))
      (local.set $fieldAt (local.get $p))
      (local.set $lineAt (local.get $p))
      ;; Eight bytes at a time: the first delimiter, LF or CR among them is the lowest byte that
      ;; is zero after an XOR with that byte repeated, found by the zero-byte test of Mycroft
      ;; (Hacker's Delight, 6-1): (v - 0x01...01) & ~v & 0x80...80 flags the first zero byte of v
      ;; exactly; the three tests share the mask. A word may reach past the text; what lies past
      ;; it is never a stop.
      (block $eol (loop $bytes
        (if (i32.ge_u (local.get $p) (local.get $end)) (then
          (local.set $p (local.get $end))
          (br $eol)))
        (local.set $x (i64.load (local.get $p)))
        (local.set $v (i64.xor (local.get $x) (local.get $delimiters)))
        (local.set $stops (i64.and (i64.sub (local.get $v) (i64.const 0x0101010101010101)) (i64.xor (local.get $v) (i64.const -1))))
        (local.set $v (i64.xor (local.get $x) (i64.const 0x0a0a0a0a0a0a0a0a)))
        (local.set $stops (i64.or (local.get $stops) (i64.and (i64.sub (local.get $v) (i64.const 0x0101010101010101)) (i64.xor (local.get $v) (i64.const -1)))))
        (local.set $v (i64.xor (local.get $x) (i64.const 0x0d0d0d0d0d0d0d0d)))
        (local.set $stops (i64.and (i64.const 0x8080808080808080) (i64.or (local.get $stops)
          (i64.and (i64.sub (local.get $v) (i64.const 0x0101010101010101)) (i64.xor (local.get $v) (i64.const -1))))))
        (if (i64.eqz (local.get $stops)) (then
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (br $bytes)))
        (local.set $p (i32.add (local.get $p) (i32.wrap_i64 (i64.shr_u (i64.ctz (local.get $stops)) (i64.const 3)))))
        (if (i32.ge_u (local.get $p) (local.get $end)) (then
          (local.set $p (local.get $end))
          (br $eol)))
        (br_if $eol (i32.ne (i32.load8_u (local.get $p)) (local.get $delimiter)))
        (if (call $field (local.get $f) (local.get $fieldAt) (i32.sub (local.get $p) (local.get $fieldAt)))
          (then (return (i32.const 2))))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $fieldAt (local.get $p))
        (br $bytes)))
      (if (call $field (local.get $f) (local.get $fieldAt) (i32.sub (local.get $p) (local.get $fieldAt)))
        (then (return (i32.const 2))))
      (local.set $f (i32.add (local.get $f) (i32.const 1)))
      (local.set $after (call $afterBreak (local.get $p)))
      (if (i32.eq (local.get $f) (i32.const 1)) (then
        (local.set $blank (call $blankness (local.get $lineAt) (local.get $p)))
        ;; A line of whitespace is blank and skipped (read-csv.ts), whatever the width.
        (if (i32.eq (local.get $blank) (i32.const 1)) (then
          (global.set $pos (local.get $after))
          (global.set $line (i32.add (global.get $line) (i32.const 1)))
          (br $lines)))
        (if (i32.eq (local.get $blank) (i32.const 2)) (then (return (i32.const 3))))))
      (if (i32.ne (local.get $f) (global.get $width)) (then (return (i32.const 3))))
      (global.set $pos (local.get $after))
      (global.set $line (i32.add (global.get $line) (i32.const 1)))
      (call $scoreRow)
      (if (global.get $tallyOn) (then (call $tallyRow)))
      (if (i32.eqz (global.get $blockCapacity)) (then (return (i32.const 1))))
      (i32.store (i32.add (global.get $lines) (i32.shl (global.get $blockRows) (i32.const 2))) (global.get $rowLine))
      (global.set $blockRows (i32.add (global.get $blockRows) (i32.const 1)))
      (if (i32.eq (global.get $blockRows) (global.get $blockCapacity)) (then (return (i32.const 4))))
      (br $lines))
    (unreachable))

  ;; Each scale's score of the row (scale-score.ts): the mean of its answered codes (NaN is
  ;; missing), times k for a sum score; NaN when no code or fewer than the fewest are answered.
  ;; The codes are added in item order, as there.
  (func $scoreRow
    (local $s i32) (local $entry i32) (local $at i32) (local $stop i32) (local $k i32)
    (local $v f64) (local $sum f64) (local $answered i32) (local $mean f64)
    (block $done (loop $scale
      (br_if $done (i32.ge_u (local.get $s) (global.get $scaleCount)))
      (local.set $entry (i32.add (global.get $scales) (i32.shl (local.get $s) (i32.const 4))))
      (local.set $k (i32.load offset=4 (local.get $entry)))
      (local.set $at (i32.add (i32.load (local.get $entry))
        (i32.shl (i32.mul (global.get $blockRows) (local.get $k)) (i32.const 3))))
      (local.set $stop (i32.add (local.get $at) (i32.shl (local.get $k) (i32.const 3))))
      (local.set $sum (f64.const 0))
      (local.set $answered (i32.const 0))
      (block $summed (loop $code
        (br_if $summed (i32.ge_u (local.get $at) (local.get $stop)))
        (local.set $v (f64.load (local.get $at)))
        (if (f64.eq (local.get $v) (local.get $v)) (then
          (local.set $answered (i32.add (local.get $answered) (i32.const 1)))
          (local.set $sum (f64.add (local.get $sum) (local.get $v)))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $code)))
      (local.set $mean (f64.div (local.get $sum) (f64.convert_i32_u (local.get $answered))))
      (if (i32.load offset=8 (local.get $entry))
        (then (local.set $mean (f64.mul (local.get $mean) (f64.convert_i32_u (local.get $k))))))
      (f64.store (i32.add (global.get $scores)
          (i32.shl (i32.add (i32.mul (global.get $blockRows) (global.get $scaleCount)) (local.get $s)) (i32.const 3)))
        (select (f64.const nan) (local.get $mean)
          (i32.or (i32.eqz (local.get $answered)) (i32.lt_u (local.get $answered) (i32.load offset=12 (local.get $entry))))))
      (local.set $s (i32.add (local.get $s) (i32.const 1)))
      (br $scale))))

;; The row's outcomes into domain 0 (everyone) and the domain of each group cell, or a row
  ;; without a value for that group column (PrevalenceAccumulator.add).
  (func $tallyRow
    (local $g i32) (local $d i32) (local $at i32)
    (call $tally (i32.const 0))
    (block $done (loop $group
      (br_if $done (i32.ge_u (local.get $g) (global.get $groups)))
      (local.set $d (i32.load (i32.add (global.get $domainOf)
        (i32.shl (i32.load (i32.add (global.get $groupIds) (i32.shl (local.get $g) (i32.const 2)))) (i32.const 2)))))
      (if (i32.lt_s (local.get $d) (i32.const 0))
        (then
          (local.set $at (i32.add (global.get $groupMissing) (i32.shl (local.get $g) (i32.const 3))))
          (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.const 1))))
        (else (call $tally (local.get $d))))
      (local.set $g (i32.add (local.get $g) (i32.const 1)))
      (br $group))))

  ;; Per entry p with an answer (outcome 0 or 1; -1 is missing): positives += outcome, answered += 1.
  (func $tally (param $d i32)
    (local $at i32) (local $p i32) (local $o i32)
    (local.set $at (i32.add (global.get $counts) (i32.shl (i32.mul (local.get $d) (global.get $tallyEntries)) (i32.const 4))))
    (block $done (loop $entry
      (br_if $done (i32.ge_u (local.get $p) (global.get $tallyEntries)))
      (local.set $o (i32.load8_s (i32.add (global.get $outcomes) (local.get $p))))
      (if (i32.ge_s (local.get $o) (i32.const 0)) (then
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.convert_i32_s (local.get $o))))
        (f64.store offset=8 (local.get $at) (f64.add (f64.load offset=8 (local.get $at)) (f64.const 1)))))
      (local.set $at (i32.add (local.get $at) (i32.const 16)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $entry))))

  ;; Past the line break at p (LF, CRLF or CR), or p at the end of the text.
  (func $afterBreak (param $p i32) (result i32)
    (if (i32.ge_u (local.get $p) (global.get $end)) (then (return (local.get $p))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 13)) (then
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (if (i32.and (i32.lt_u (local.get $p) (global.get $end)) (i32.eq (i32.load8_u (local.get $p)) (i32.const 10)))
        (then (return (i32.add (local.get $p) (i32.const 1)))))
      (return (local.get $p))))
    (i32.add (local.get $p) (i32.const 1)))
)
