/**
 * Slack's own example responses from each method's reference page (docs.slack.dev/reference/methods/...),
 * copied field for field. Where a test needs a last page, only `has_more` / `next_cursor` change,
 * with the meaning the pagination guide gives them (an empty next_cursor ends the collection).
 */

/** auth.test, "Success response when using a bot user token". */
export const authTestBot = {
  ok: true,
  url: 'https://subarachnoid.slack.com/',
  team: 'Subarachnoid Workspace',
  user: 'bot',
  team_id: 'T0G9PQBBK',
  user_id: 'W23456789',
  bot_id: 'BZYBOTHED',
};

/** conversations.list, "Typical success response with only public channels". */
export const channelsPage1 = {
  ok: true,
  channels: [
    {
      id: 'C012AB3CD', name: 'general', is_channel: true, is_group: false, is_im: false, created: 1449252889, creator: 'U012A3CDE',
      is_archived: false, is_general: true, unlinked: 0, name_normalized: 'general', is_shared: false, is_ext_shared: false,
      is_org_shared: false, pending_shared: [], is_pending_ext_shared: false, is_member: true, is_private: false, is_mpim: false,
      updated: 1678229664302,
      topic: { value: 'Company-wide announcements and work-based matters', creator: '', last_set: 0 },
      purpose: { value: 'This channel is for team-wide communication and announcements. All team members are in this channel.', creator: '', last_set: 0 },
      previous_names: [], num_members: 4,
    },
    {
      id: 'C061EG9T2', name: 'random', is_channel: true, is_group: false, is_im: false, created: 1449252889, creator: 'U061F7AUR',
      is_archived: false, is_general: false, unlinked: 0, name_normalized: 'random', is_shared: false, is_ext_shared: false,
      is_org_shared: false, pending_shared: [], is_pending_ext_shared: false, is_member: true, is_private: false, is_mpim: false,
      updated: 1678229664302,
      topic: { value: 'Non-work banter and water cooler conversation', creator: '', last_set: 0 },
      purpose: { value: "A place for non-work-related flimflam, faffing, hodge-podge or jibber-jabber you'd prefer to keep out of more focused work-related channels.", creator: '', last_set: 0 },
      previous_names: [], num_members: 4,
    },
  ],
  response_metadata: { next_cursor: 'dGVhbTpDMDYxRkE1UEI=' },
};

/** conversations.list, "Example response when mixing different conversation types together", as the last page. */
export const channelsPage2 = {
  ok: true,
  channels: [
    {
      id: 'G0AKFJBEU', name: 'mpdm-mr.banks--slactions-jackson--beforebot-1', is_channel: false, is_group: true, is_im: false,
      created: 1493657761, creator: 'U061F7AUR', is_archived: false, is_general: false, unlinked: 0,
      name_normalized: 'mpdm-mr.banks--slactions-jackson--beforebot-1', is_shared: false, is_ext_shared: false, is_org_shared: false,
      pending_shared: [], is_pending_ext_shared: false, is_member: true, is_private: true, is_mpim: true, is_open: true,
      updated: 1678229664302,
      topic: { value: 'Group messaging', creator: 'U061F7AUR', last_set: 1493657761 },
      purpose: { value: 'Group messaging with: @mr.banks @slactions-jackson @beforebot', creator: 'U061F7AUR', last_set: 1493657761 },
      priority: 0,
    },
    { id: 'D0C0F7S8Y', created: 1498500348, is_im: true, is_org_shared: false, user: 'U0BS9U4SV', is_user_deleted: false, priority: 0 },
    { id: 'D0BSHH4AD', created: 1498511030, is_im: true, is_org_shared: false, user: 'U0C0NS9HN', is_user_deleted: false, priority: 0 },
  ],
  response_metadata: { next_cursor: '' },
};

/** conversations.history, "Typical success response containing a channel's messages". */
export const historyPage1 = {
  ok: true,
  messages: [
    { type: 'message', user: 'U123ABC456', text: 'I find you punny and would like to smell your nose letter', ts: '1512085950.000216' },
    { type: 'message', user: 'U222BBB222', text: 'What, you want to smell my shoes better?', ts: '1512104434.000490' },
  ],
  has_more: true,
  pin_count: 0,
  response_metadata: { next_cursor: 'bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz' },
};

/** conversations.history, "...formatted messages from bots and incoming webhooks", as the last page. */
export const historyPage2 = {
  ok: true,
  messages: [
    { type: 'message', user: 'U123ABC456', text: 'I find you punny and would like to smell your nose letter', ts: '1512085950.000216' },
    {
      type: 'message',
      user: 'U222BBB222',
      text: "Isn't this whether dreadful? <https://badpuns.example.com/puns/123>",
      attachments: [
        {
          service_name: 'Leg end nary a laugh, Ink.', text: 'This is likely a pun about the weather.', fallback: "We're withholding a pun from you",
          thumb_url: 'https://badpuns.example.com/puns/123.png', thumb_width: 1920, thumb_height: 700, id: 1,
        },
      ],
      ts: '1512085950.218404',
    },
  ],
  has_more: false,
  pin_count: 0,
  response_metadata: { next_cursor: '' },
};

/** users.list, "Typical success response". */
export const usersPage1 = {
  ok: true,
  members: [
    {
      id: 'W012A3CDE', team_id: 'T012AB3C4', name: 'spengler', deleted: false, color: '9f69e7', real_name: 'spengler',
      tz: 'America/Los_Angeles', tz_label: 'Pacific Daylight Time', tz_offset: -25200,
      profile: {
        avatar_hash: 'ge3b51ca72de', status_text: 'Print is dead', status_emoji: ':books:', real_name: 'Egon Spengler', display_name: 'spengler',
        real_name_normalized: 'Egon Spengler', display_name_normalized: 'spengler', email: 'spengler@ghostbusters.example.com',
        image_24: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg', image_32: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg',
        image_48: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg', image_72: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg',
        image_192: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg', image_512: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg',
        team: 'T012AB3C4',
      },
      is_admin: true, is_owner: false, is_primary_owner: false, is_restricted: false, is_ultra_restricted: false, is_bot: false,
      updated: 1502138686, is_app_user: false, has_2fa: false,
    },
    {
      id: 'W07QCRPA4', team_id: 'T0G9PQBBK', name: 'glinda', deleted: false, color: '9f69e7', real_name: 'Glinda Southgood',
      tz: 'America/Los_Angeles', tz_label: 'Pacific Daylight Time', tz_offset: -25200,
      profile: {
        avatar_hash: '8fbdd10b41c6', image_24: 'https://a.slack-edge.com...png', image_32: 'https://a.slack-edge.com...png',
        image_48: 'https://a.slack-edge.com...png', image_72: 'https://a.slack-edge.com...png', image_192: 'https://a.slack-edge.com...png',
        image_512: 'https://a.slack-edge.com...png', image_1024: 'https://a.slack-edge.com...png', image_original: 'https://a.slack-edge.com...png',
        first_name: 'Glinda', last_name: 'Southgood', title: 'Glinda the Good', phone: '', skype: '', real_name: 'Glinda Southgood',
        real_name_normalized: 'Glinda Southgood', display_name: 'Glinda the Fairly Good', display_name_normalized: 'Glinda the Fairly Good',
        email: 'glenda@south.oz.coven',
      },
      is_admin: true, is_owner: false, is_primary_owner: false, is_restricted: false, is_ultra_restricted: false, is_bot: false,
      updated: 1480527098, has_2fa: false,
    },
  ],
  cache_ts: 1498777272,
  response_metadata: { next_cursor: 'dXNlcjpVMEc5V0ZYTlo=' },
};

/** users.info, "Typical success response". */
export const userInfo = {
  ok: true,
  user: {
    id: 'W012A3CDE', team_id: 'T012AB3C4', name: 'spengler', deleted: false, color: '9f69e7', real_name: 'Egon Spengler',
    tz: 'America/Los_Angeles', tz_label: 'Pacific Daylight Time', tz_offset: -25200,
    profile: {
      avatar_hash: 'ge3b51ca72de', status_text: 'Print is dead', status_emoji: ':books:', real_name: 'Egon Spengler', display_name: 'spengler',
      real_name_normalized: 'Egon Spengler', display_name_normalized: 'spengler', email: 'spengler@ghostbusters.example.com',
      image_original: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg', image_24: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg',
      image_32: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg', image_48: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg',
      image_72: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg', image_192: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg',
      image_512: 'https://.../avatar/e3b51ca72dee4ef87916ae2b9240df50.jpg', team: 'T012AB3C4',
    },
    is_admin: true, is_owner: false, is_primary_owner: false, is_restricted: false, is_ultra_restricted: false, is_bot: false,
    updated: 1502138686, is_app_user: false, has_2fa: false,
  },
};

/** conversations.info, "Typical success response for a public channel". */
export const channelInfoGeneral = {
  ok: true,
  channel: {
    id: 'C012AB3CD', name: 'general', is_channel: true, is_group: false, is_im: false, is_mpim: false, is_private: false,
    created: 1654868334, is_archived: false, is_general: true, unlinked: 0, name_normalized: 'general', is_shared: false,
    is_frozen: false, is_org_shared: false, is_pending_ext_shared: false, pending_shared: [], context_team_id: 'T123ABC456',
    updated: 1723130875818, parent_conversation: null, creator: 'U123ABC456', is_ext_shared: false, shared_team_ids: ['T123ABC456'],
    pending_connected_team_ids: [],
    topic: { value: 'For public discussion of generalities', creator: 'W012A3BCD', last_set: 1449709364 },
    purpose: { value: 'This part of the workspace is for fun. Make fun here.', creator: 'W012A3BCD', last_set: 1449709364 },
    properties: { tabs: [{ id: 'workflows', label: '', type: 'workflows' }, { id: 'files', label: '', type: 'files' }, { id: 'bookmarks', label: '', type: 'bookmarks' }] },
    previous_names: [],
  },
};

/** conversations.info, "Typical success response for a 1:1 direct message" (its id made a D... one). */
export const channelInfoIm = {
  ok: true,
  channel: {
    id: 'D0C0F7S8Y', created: 1507235627, is_im: true, is_org_shared: false, user: 'U27FFLNF4', last_read: '1513718191.000038',
    latest: { type: 'message', user: 'U5R3PALPN', text: 'Psssst!', ts: '1513718191.000038' },
    unread_count: 0, unread_count_display: 0, is_open: true, locale: 'en-US', priority: 0.043016851216706,
  },
};

/** chat.postMessage, the documented response. */
export const postMessageResponse = {
  ok: true,
  channel: 'C123ABC456',
  ts: '1503435956.000247',
  message: {
    text: "Here's a message for you",
    username: 'ecto1',
    bot_id: 'B123ABC456',
    attachments: [{ text: 'This is an attachment', id: 1, fallback: "This is an attachment's fallback" }],
    type: 'message',
    subtype: 'bot_message',
    ts: '1503435956.000247',
  },
};

/** search.messages, "Typical success response". */
export const searchResults = {
  messages: {
    matches: [
      {
        channel: { id: 'C12345678', is_ext_shared: false, is_mpim: false, is_org_shared: false, is_pending_ext_shared: false, is_private: false, is_shared: false, name: 'general', pending_shared: [] },
        iid: 'cb64bdaa-c1e8-4631-8a91-0f78080113e9', permalink: 'https://hitchhikers.slack.com/archives/C12345678/p1508284197000015',
        team: 'T12345678', text: 'The meaning of life the universe and everything is 42.', ts: '1508284197.000015', type: 'message',
        user: 'U2U85N1RV', username: 'roach',
      },
      {
        channel: { id: 'C12345678', is_ext_shared: false, is_mpim: false, is_org_shared: false, is_pending_ext_shared: false, is_private: false, is_shared: false, name: 'random', pending_shared: [] },
        iid: '9a00d3c9-bd2d-45b0-988b-6cff99ae2a90', permalink: 'https://hitchhikers.slack.com/archives/C12345678/p1508795665000236',
        team: 'T12345678', text: 'The meaning of life the universe and everything is 101010', ts: '1508795665.000236', type: 'message',
        user: '', username: 'robot overlord',
      },
    ],
    pagination: { first: 1, last: 2, page: 1, page_count: 1, per_page: 20, total_count: 2 },
    paging: { count: 20, page: 1, pages: 1, total: 2 },
    total: 2,
  },
  ok: true,
  query: 'The meaning of life the universe and everything',
};

/** The file object's documented example (docs.slack.dev/reference/objects/file-object), trimmed to the fields a message's `files` entry is read for. */
export const gifFile = {
  id: 'F0A12BCDE', created: 1531763342, timestamp: 1531763342, name: 'tedair.gif', title: 'tedair.gif', mimetype: 'image/gif',
  filetype: 'gif', pretty_type: 'GIF', user: 'U012A3BCD', editable: false, size: 137531, mode: 'hosted', is_external: false,
  url_private: 'https://.../tedair.gif', url_private_download: 'https://.../tedair.gif', permalink: 'https://.../tedair.gif',
};
