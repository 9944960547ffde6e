-- Demo township for local development and tests: invented county 禾丰县, 柳塘镇.
-- Generated once, edited by hand since. Idempotent: re-running changes nothing.
-- All names and numbers are invented.

INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101', NULL, '禾丰县', 'county', 'basic', '全县16个乡镇（演示数据仅含柳塘镇）', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001', '990101', '柳塘镇', 'township', 'basic', '柳塘镇全域，2个社区、4个行政村', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001', '990101001', '柳塘社区', 'village', 'basic', '社区全域，4个基础网格', 709, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001001', '990101001001', '柳塘社区第一网格', 'grid', 'basic', '幸福路1-38号、柳园小区1-4栋', 172, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001002', '990101001001', '柳塘社区第二网格', 'grid', 'basic', '幸福路40-80号、柳园小区5-9栋', 258, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001003', '990101001001', '柳塘社区第三网格', 'grid', 'basic', '人民街东段、供销社家属院', 227, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001004', '990101001001', '柳塘社区第四网格', 'grid', 'basic', '人民街西段、粮站家属院', 208, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001901', '990101001001', '柳塘镇中心小学专属网格', 'grid', 'dedicated', '柳塘镇中心小学（师生约1200人）', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002', '990101001', '新桥社区', 'village', 'basic', '社区全域，4个基础网格', 940, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002001', '990101001002', '新桥社区第一网格', 'grid', 'basic', '新桥街北侧、新桥花园1-6栋', 124, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002002', '990101001002', '新桥社区第二网格', 'grid', 'basic', '新桥街南侧、滨河小区', 228, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002003', '990101001002', '新桥社区第三网格', 'grid', 'basic', '老街片区、文化广场周边', 111, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002004', '990101001002', '新桥社区第四网格', 'grid', 'basic', '工业路沿线及周边门店', 209, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002901', '990101001002', '柳塘农贸市场专属网格', 'grid', 'dedicated', '柳塘农贸市场（摊位约160个）', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003', '990101001', '东岗村', 'village', 'basic', '村全域，4个基础网格', 642, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003001', '990101001003', '东岗村第一网格', 'grid', 'basic', '一组、二组', 104, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003002', '990101001003', '东岗村第二网格', 'grid', 'basic', '三组、四组', 181, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003003', '990101001003', '东岗村第三网格', 'grid', 'basic', '五组、六组', 133, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003004', '990101001003', '东岗村第四网格', 'grid', 'basic', '七组及村东养殖区', 146, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004', '990101001', '西湾村', 'village', 'basic', '村全域，4个基础网格', 437, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004001', '990101001004', '西湾村第一网格', 'grid', 'basic', '西湾一组、二组', 225, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004002', '990101001004', '西湾村第二网格', 'grid', 'basic', '西湾三组', 258, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004003', '990101001004', '西湾村第三网格', 'grid', 'basic', '河湾组、渡口组', 111, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004004', '990101001004', '西湾村第四网格', 'grid', 'basic', '新村组及村委会周边', 212, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005', '990101001', '石桥村', 'village', 'basic', '村全域，4个基础网格', 943, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005001', '990101001005', '石桥村第一网格', 'grid', 'basic', '石桥一组、二组', 119, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005002', '990101001005', '石桥村第二网格', 'grid', 'basic', '石桥三组、四组', 258, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005003', '990101001005', '石桥村第三网格', 'grid', 'basic', '石桥五组', 217, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005004', '990101001005', '石桥村第四网格', 'grid', 'basic', '后庄组、果园片区', 112, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006', '990101001', '杏花村', 'village', 'basic', '村全域，4个基础网格', 821, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006001', '990101001006', '杏花村第一网格', 'grid', 'basic', '杏花一组', 242, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006002', '990101001006', '杏花村第二网格', 'grid', 'basic', '杏花二组、三组', 232, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006003', '990101001006', '杏花村第三网格', 'grid', 'basic', '南坡组、北坡组', 106, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006004', '990101001006', '杏花村第四网格', 'grid', 'basic', '杏花新村安置点', 170, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;

INSERT INTO people (id, name, phone, updated_at) VALUES ('p001', '白秋菊', '15969006026', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p002', '姚子豪', '15335468487', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p003', '蔡国庆', '13585969384', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p004', '康德胜', '15339640175', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p005', '任晓燕', '15284642892', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p006', '崔淑珍', '0399-5556952', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p007', '郭兰英', '13399556063', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p008', '漕卫东', '15146141627', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p009', '冯新民', '15926222975', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p010', '夏翠花', '13734116339', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p011', '于兰英', '18892960375', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p012', '周家兴', '13664073537', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p013', '戴小芳', '13599906989', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p014', '邱冬梅', '13804006103', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p015', '王文博', '18277303879', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p016', '阎素琴', '13957472073', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p017', '孔跃进', '15969075310', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p018', '侯红梅', '18355744596', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p019', '尹宏伟', '15051056338', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p020', '吴跃进', '18919286383', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p021', '邵永刚', '13817001113', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p022', '贾志强', '15835974782', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p023', '曾晓燕', '15806157083', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p024', '龙冬梅', '17788869464', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p025', '邵秀英', '15302317759', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p026', '邹晓燕', '19937730850', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p027', '沈玉兰', '15223236748', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p028', '汪素琴', '17740385692', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p029', '傅向阳', '15191747686', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p030', '白艳萍', '15275612535', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p031', '余秋菊', '15351648434', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p032', '萧红梅', '13817900715', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p033', '蔡胜利', '15187703787', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p034', '段艳萍', '15017568381', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p035', '杨建国', '18353659127', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p036', '李海燕', '13847308932', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p037', '郑惠兰', '15111326244', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p038', '赵丽娟', '13338058388', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p039', '郑世平', '13624728981', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p040', '赖丽娟', '18396492401', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p041', '杨俊峰', '0399-5550382', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p042', '袁静怡', '15277201428', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p043', '邓丽华', '18906120542', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p044', '曹立新', '17739157532', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p045', '何爱华', '15967575107', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p046', '杨春生', '18775922564', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p047', '潘小芳', '13858308219', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p048', '熊国庆', '15171591013', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p049', '蔡惠兰', '15921075619', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p050', '史爱华', '15870543802', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p051', '高凤英', '19947950577', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p052', '唐惠兰', '15248098914', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p053', '曾雨欣', '19914232232', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p054', '尹卫东', '17728564801', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p055', '康国庆', '18054327832', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p056', '孔淑珍', '15177714187', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p057', '吕宏伟', '18331133160', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p058', '何金凤', '19924093134', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p059', '郝保国', '0399-5554772', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p060', '曾建国', '13953918418', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p061', '漕海燕', '19956867478', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p062', '曹淑珍', '13338694557', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p063', '高翠花', '13351985551', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p064', '高小芳', '15027802212', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p065', '文秋菊', '18847879651', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p066', '金德胜', '15346630097', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p067', '于静怡', '15896197460', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p068', '龚国庆', '17729229486', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p069', '叶玉兰', '13614188673', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p070', '漕兰英', '15901219975', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p071', '傅惠兰', '18062366301', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p072', '刘向阳', '15309265034', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;

INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001', 'p001', 'grid_leader', '全镇网格化工作第一责任人，重大事件亲自调度。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001', 'p002', 'supervisor', '监督事件办理时限，超期件一律督办通报。监督与办理分离。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001', 'p003', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001', 'p004', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001', 'p005', 'mediator', '调解不出村，矛盾不上交。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p003', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p007', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p008', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p009', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p004', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p005', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p003', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p010', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p011', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p012', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p004', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p005', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001003', 'p003', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001003', 'p013', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001003', 'p014', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001003', 'p015', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001003', 'p004', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001003', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001003', 'p005', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001004', 'p003', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001004', 'p016', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001004', 'p017', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001004', 'p018', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001004', 'p004', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001004', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001004', 'p005', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001901', 'p019', 'grid_leader', '本单位安全稳定第一责任人，隐患当日排查、当日整改。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001901', 'p020', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001901', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p021', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p022', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p023', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p021', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p024', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p025', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p026', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p022', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p023', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p021', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p027', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p028', 'grid_worker', '每天入户走访不少于8户，群众反映的事当天登记、三日内回复。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p029', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p022', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p023', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p021', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p030', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p031', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p032', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p022', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p023', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p021', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p033', 'grid_worker', '每天入户走访不少于8户，群众反映的事当天登记、三日内回复。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p034', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p035', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p022', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p023', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002901', 'p036', 'grid_leader', '本单位安全稳定第一责任人，隐患当日排查、当日整改。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002901', 'p037', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002901', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p038', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p039', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p040', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p038', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p042', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p039', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p040', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p038', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p043', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p044', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p039', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p040', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p038', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p045', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p046', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p039', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p040', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p038', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p047', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p048', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p039', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p040', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p049', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p050', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p051', 'mediator', '调解不出村，矛盾不上交。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p049', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p052', 'grid_worker', '每天入户走访不少于8户，群众反映的事当天登记、三日内回复。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p050', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p051', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p049', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p053', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p050', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p051', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p049', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p054', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p050', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p051', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p049', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p055', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p050', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p051', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p056', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p057', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p058', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p056', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p060', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p057', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p058', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p056', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p061', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p062', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p057', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p058', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p056', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p063', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p057', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p058', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p056', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p064', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p057', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p058', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p065', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p066', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p067', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p065', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p068', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p066', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p067', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p065', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p069', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p066', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p067', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p065', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p070', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p066', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p067', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p065', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p071', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p072', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p066', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p059', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p067', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
