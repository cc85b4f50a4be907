/** Linear work on the pages of the marketplaces outside the Superbuy platform (see linearity.ts). */
import { SUPERBUY_PLATFORM } from '@/lib/marketplaces/types';
import { describeLinearity } from './linearity';

describeLinearity((id) => !SUPERBUY_PLATFORM.includes(id));
