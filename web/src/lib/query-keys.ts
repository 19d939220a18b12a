/** Cache keys shared by more than one feature (the home page reads what the feature pages keep). */
export const COLLECTION_KEY = ['collection'] as const;
export const REALNAME_KEY = ['realname'] as const;
