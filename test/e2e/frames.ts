/** What the loopback JSON server pushes: one frame per case the UI must show. */
export const XSS_TITLE = '<img src=x onerror="window.__pwned=1">';

export const frames = {
  disk: {
    id: 'd1',
    type: 'disk.full',
    level: 'warning',
    host: 'nas',
    title: 'Disk almost full on nas',
    message: 'Volume /data is 93% used',
    link: 'https://nas.example/disks',
  },
  backup: {
    id: 'b1',
    type: 'backup.done',
    level: 'info',
    title: 'Nightly backup finished',
    message: '412 files, 0 errors',
  },
  xss: {
    id: 'x1',
    type: 'chat.message',
    level: 'info',
    title: XSS_TITLE,
    message: '<script>window.__pwned=2</script><b>not bold</b>',
  },
  ups: {
    id: 'u1',
    type: 'ups.onbattery',
    level: 'critical',
    title: 'UPS on battery',
    message: 'Mains power lost',
  },
};
