export { fmix32, mixWord, hashKey, hashKey2, streamId, normaliseSeed } from './hash.js';
export { Rng } from './rng.js';
export { WeightedPicker, zipfWeights } from './weighted.js';
export { Permutation } from './permutation.js';
