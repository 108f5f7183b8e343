// The platform simulator is being built (issue 3); its sources land with it.
export {};
