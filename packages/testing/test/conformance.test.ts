import { conformanceSuite } from '../src/index.js';
import widgets from './fixture/src/connector.js';

conformanceSuite(widgets, {
  samples: {
    'widget.get': ['7'],
    'widget.create': ['--name', 'gear'],
    'widget.bulk_recolor': ['--ids', '1,2', '--color', 'blue'],
    'widget.delete': ['7'],
  },
  healthyResponse: { name: 'octo' },
});
