import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// pages with large tables render slowly on a busy CI machine
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);
