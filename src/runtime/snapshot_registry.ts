// What a V8 start-up snapshot must revisit after deserialisation: the dicts, sets and hash-caching objects created
// while the snapshot's interpreter was built, whose hashes depend on the build's hash secret (Python/pyhash.c's
// _Py_HashSecret is chosen per process in CPython). A leaf module: object files record into it. docs/imports.md.

/** True only in the process that builds the snapshot (tools/bundle.ts's entry), while the interpreter is readied. */
export let snapshotRecording = false;
/** Dicts, sets, and strs/bytes whose hash was cached, in creation order; emptied once rehashed. Weak: what the build's
 *  warm-up run leaves as garbage is collected before V8 serialises the heap, and is not rehashed. */
export let snapshotObjects: WeakRef<object>[] = [];

/** Record an object (called by the object files' constructors and hash caches while recording). */
export function _PySnapshot_Record(o: object): void {
  snapshotObjects.push(new WeakRef(o));
}

export function _PySnapshot_StartRecording(): void {
  snapshotRecording = true;
}

export function _PySnapshot_StopRecording(): void {
  snapshotRecording = false;
}

/** Hand the recorded objects to the rehash pass once (the registry is dropped after). */
export function _PySnapshot_TakeObjects(): object[] {
  const r: object[] = [];
  for (const w of snapshotObjects) {
    const o = w.deref();
    if (o !== undefined) r.push(o);
  }
  snapshotObjects = [];
  return r;
}
