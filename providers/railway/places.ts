// Shared by every provider's risk rules; kept here so Railway's imports stay as they were.
export { placeNames } from '../../src/assess/places.js';
