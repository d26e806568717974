import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { authenticatedUser } from '../output-shapes.js';

/** GET /user — https://docs.github.com/en/rest/users/users#get-the-authenticated-user */
export const userMe = command({
  id: 'user.me',
  summary: 'Show the authenticated user',
  resource: 'user',
  action: 'read',
  risk: 1,
  input: z.object({}),
  examples: ['aos-github --json user me'],
  output: authenticatedUser,
  run: (_input, { http }) => http.get('/user'),
});
