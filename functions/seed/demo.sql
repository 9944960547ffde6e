-- Demo township for local development and tests: invented county 禾丰县, 柳塘镇.
-- Generated once, edited by hand since. Idempotent: re-running changes nothing.
-- All names and numbers are invented.

INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101', NULL, '禾丰县', 'county', 'basic', '全县16个乡镇（演示数据仅含柳塘镇）', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001', '990101', '柳塘镇', 'township', 'basic', '柳塘镇全域，2个社区、4个行政村', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001', '990101001', '柳塘社区', 'village', 'basic', '社区全域，4个基础网格', 665, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001001', '990101001001', '柳塘社区第一网格', 'grid', 'basic', '幸福路1-38号、柳园小区1-4栋', 111, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001002', '990101001001', '柳塘社区第二网格', 'grid', 'basic', '幸福路40-80号、柳园小区5-9栋', 119, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001003', '990101001001', '柳塘社区第三网格', 'grid', 'basic', '人民街东段、供销社家属院', 227, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001004', '990101001001', '柳塘社区第四网格', 'grid', 'basic', '人民街西段、粮站家属院', 208, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001001901', '990101001001', '柳塘镇中心小学专属网格', 'grid', 'dedicated', '柳塘镇中心小学（师生约1200人）', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002', '990101001', '新桥社区', 'village', 'basic', '社区全域，4个基础网格', 494, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002001', '990101001002', '新桥社区第一网格', 'grid', 'basic', '新桥街北侧、新桥花园1-6栋', 92, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002002', '990101001002', '新桥社区第二网格', 'grid', 'basic', '新桥街南侧、滨河小区', 179, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002003', '990101001002', '新桥社区第三网格', 'grid', 'basic', '老街片区、文化广场周边', 107, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002004', '990101001002', '新桥社区第四网格', 'grid', 'basic', '工业路沿线及周边门店', 116, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001002901', '990101001002', '柳塘农贸市场专属网格', 'grid', 'dedicated', '柳塘农贸市场（摊位约160个）', NULL, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003', '990101001', '东岗村', 'village', 'basic', '村全域，4个基础网格', 571, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003001', '990101001003', '东岗村第一网格', 'grid', 'basic', '一组、二组', 104, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003002', '990101001003', '东岗村第二网格', 'grid', 'basic', '三组、四组', 213, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003003', '990101001003', '东岗村第三网格', 'grid', 'basic', '五组、六组', 123, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001003004', '990101001003', '东岗村第四网格', 'grid', 'basic', '七组及村东养殖区', 131, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004', '990101001', '西湾村', 'village', 'basic', '村全域，4个基础网格', 806, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004001', '990101001004', '西湾村第一网格', 'grid', 'basic', '西湾一组、二组', 225, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004002', '990101001004', '西湾村第二网格', 'grid', 'basic', '西湾三组', 258, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004003', '990101001004', '西湾村第三网格', 'grid', 'basic', '河湾组、渡口组', 111, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001004004', '990101001004', '西湾村第四网格', 'grid', 'basic', '新村组及村委会周边', 212, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005', '990101001', '石桥村', 'village', 'basic', '村全域，4个基础网格', 832, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005001', '990101001005', '石桥村第一网格', 'grid', 'basic', '石桥一组、二组', 256, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005002', '990101001005', '石桥村第二网格', 'grid', 'basic', '石桥三组、四组', 174, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005003', '990101001005', '石桥村第三网格', 'grid', 'basic', '石桥五组', 222, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001005004', '990101001005', '石桥村第四网格', 'grid', 'basic', '后庄组、果园片区', 180, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006', '990101001', '杏花村', 'village', 'basic', '村全域，4个基础网格', 733, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006001', '990101001006', '杏花村第一网格', 'grid', 'basic', '杏花一组', 148, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006002', '990101001006', '杏花村第二网格', 'grid', 'basic', '杏花二组、三组', 246, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006003', '990101001006', '杏花村第三网格', 'grid', 'basic', '南坡组、北坡组', 139, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;
INSERT INTO grids (code, parent_code, name, level, kind, scope, households, updated_at) VALUES ('990101001006004', '990101001006', '杏花村第四网格', 'grid', 'basic', '杏花新村安置点', 200, 1767225600)
  ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name, level = excluded.level, kind = excluded.kind, scope = excluded.scope, households = excluded.households, updated_at = excluded.updated_at;

INSERT INTO people (id, name, phone, updated_at) VALUES ('p001', '白秋菊', '15969006026', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p002', '姚子豪', '15335468487', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p003', '沈雪梅', '15168596938', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p004', '傅世平', '15973964017', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p005', '贺俊峰', '13322846428', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p006', '何思远', '0399-5559289', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p007', '蔡文博', '13627995560', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p008', '于保国', '15224614162', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p009', '沈淑珍', '13332622297', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p010', '史保国', '18213411633', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p011', '姜淑珍', '18892960375', 1767225600)
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
INSERT INTO people (id, name, phone, updated_at) VALUES ('p018', '于兰英', '15045574459', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p019', '江秋菊', '18271510563', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p020', '钱德胜', '18018919286', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p021', '于素琴', '15978401700', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p022', '高春生', '15035033597', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p023', '邓艳萍', '18024230615', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p024', '何国庆', '18088886946', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p025', '钱向阳', '13870231775', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p026', '傅胜利', '15293773085', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p027', '彭立新', '15122323674', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p028', '曾艳萍', '18084038569', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p029', '郑海燕', '18229174768', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p030', '徐国庆', '18972756125', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p031', '钱俊峰', '15268751648', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p032', '董思远', '18283101790', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p033', '孙冬梅', '13975828770', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p034', '贺丽华', '18070711756', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p035', '曹素琴', '13740045365', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p036', '范春生', '15201047308', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p037', '易浩然', '19932292113', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p038', '文卫东', '13524473017', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p039', '侯静怡', '15880583882', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p040', '毛保国', '15147289811', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p041', '白振华', '0399-5554806', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p042', '贾金凤', '18710874427', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p043', '何月娥', '13814288975', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p044', '赖巧云', '15020542834', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p045', '程世平', '13757532734', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p046', '田雪梅', '15351077015', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p047', '姜文博', '19922564692', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p048', '蔡胜利', '15808219822', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p049', '易海燕', '18891013401', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p050', '秦小芳', '15110756199', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p051', '崔淑珍', '15305438021', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p052', '吕子豪', '19947950577', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p053', '唐惠兰', '15248098914', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p054', '曾雨欣', '19914232232', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p055', '尹卫东', '17728564801', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p056', '康国庆', '18054327832', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p057', '廖跃进', '15827771418', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p058', '侯艳萍', '18374311331', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p059', '阎志强', '15159240931', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p060', '沈月娥', '0399-5553873', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p061', '高思远', '15940053918', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p062', '龙胜利', '15221956867', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p063', '于艳萍', '15986945576', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p064', '高翠花', '13351985551', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p065', '孙秀英', '19911312780', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p066', '郑子豪', '15112716854', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p067', '姚浩然', '18079651837', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p068', '史艳萍', '15839619746', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p069', '乔建国', '13761933282', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p070', '易世平', '15228062614', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p071', '漕桂兰', '13767301219', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p072', '白红梅', '15859354986', 1767225600)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at;
INSERT INTO people (id, name, phone, updated_at) VALUES ('p073', '钱雨欣', '15049707092', 1767225600)
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
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p003', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p007', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p008', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p009', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p004', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001001', 'p005', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p003', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001002', 'p010', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
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
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001901', 'p020', 'grid_worker', '上下学时段校门口每天巡查，校园周边安全隐患当天上报。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001001901', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p021', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p022', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p023', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p021', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p024', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p025', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p026', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p022', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002001', 'p023', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p021', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p027', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p028', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p029', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p022', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002002', 'p023', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p021', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p030', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p031', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p032', 'micro_grid_leader', '楼栋里的事先找我，我帮您对接网格员。', 4, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p022', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002003', 'p023', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p021', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p033', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002004', 'p034', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 2, 1767225600)
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
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002901', 'p037', 'grid_worker', '每天巡查消防通道和用电安全，食品安全问题第一时间上报。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001002901', 'p006', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p038', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p039', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p040', 'mediator', '调解不出村，矛盾不上交。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p038', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p042', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p043', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p039', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003001', 'p040', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p038', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p044', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p045', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p039', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003002', 'p040', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p038', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p046', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p047', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p039', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003003', 'p040', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p038', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p048', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p049', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p039', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001003004', 'p040', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p050', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p051', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p052', 'mediator', '调解不出村，矛盾不上交。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p050', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p053', 'grid_worker', '每天入户走访不少于8户，群众反映的事当天登记、三日内回复。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p051', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004001', 'p052', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p050', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p054', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p051', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004002', 'p052', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p050', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p055', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p051', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004003', 'p052', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p050', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p056', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p051', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p041', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001004004', 'p052', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p057', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p058', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p059', 'mediator', '调解不出村，矛盾不上交。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p057', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p061', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p058', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005001', 'p059', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p057', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p062', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p058', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005002', 'p059', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p057', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p063', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p058', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005003', 'p059', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p057', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p064', 'grid_worker', '有事请找我：能办的马上办，办不了的帮您上报并跟到底。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p058', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001005004', 'p059', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p065', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p066', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p067', 'mediator', '调解不出村，矛盾不上交。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 3, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p065', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p068', 'grid_worker', '代办跑腿不收一分钱，办事材料帮您送、证件帮您取。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p069', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p066', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006001', 'p067', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p065', 'grid_leader', '群众的事无小事，接诉即办，事事有回音。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p070', 'grid_worker', '每天入户走访不少于8户，群众反映的事当天登记、三日内回复。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p066', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006002', 'p067', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p065', 'grid_leader', '带头落实网格责任，定期听取网格员汇报，难事亲自协调。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p071', 'grid_worker', '巡查发现问题及时上报，处理结果一定回告到人。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p072', 'grid_worker', '手机24小时开机，小事不出格、大事不出村。', 2, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p066', 'instructor', '每周下沉网格不少于两天，帮助解决网格员办不了的难题。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006003', 'p067', 'mediator', '调解不出村，矛盾不上交。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p065', 'grid_leader', '村里大小事，第一时间到场，件件有着落。', 0, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p073', 'grid_worker', '熟悉格内每一户，独居老人每周上门看望一次。', 1, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p066', 'instructor', '联系本村网格工作，督促上报事件按时办结。', 5, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p060', 'police', '矛盾纠纷、治安隐患随时报，紧急情况请直接拨打110。', 6, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;
INSERT INTO grid_assignments (grid_code, person_id, role, commitment, sort, updated_at) VALUES ('990101001006004', 'p067', 'mediator', '邻里纠纷、家庭矛盾，上门调解不收费。', 7, 1767225600)
  ON CONFLICT (grid_code, person_id, role) DO UPDATE SET commitment = excluded.commitment, sort = excluded.sort, updated_at = excluded.updated_at;

-- The township's departments that take dispatched reports (handler serves 水务).
INSERT INTO departments (id, name, area, active, updated_at) VALUES
  ('water', '柳塘镇水务站', '990101001', 1, 1767225600000),
  ('power', '柳塘供电所', '990101001', 1, 1767225600000),
  ('urban', '柳塘镇城管中队', '990101001', 1, 1767225600000),
  ('civil', '柳塘镇民政办', '990101001', 1, 1767225600000),
  ('police', '柳塘派出所', '990101001', 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, area = excluded.area,
    active = excluded.active, updated_at = excluded.updated_at;

-- Demo staff accounts (password for all: wangge-demo). PBKDF2-SHA256, 100,000 iterations,
-- a fixed per-account salt so re-seeding changes nothing. Demo only: never load this seed
-- into a real deployment.
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-admin', 'admin', '陈立新', NULL, 'd180a9a9bf0b556f835a799f08c528518062bcce8b123a0efe645555b6c1d367', '499e2d2f9d1c0c2d00ebdabd16bf9020', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-admin', 'admin', 'grid', '990101') ON CONFLICT DO NOTHING;
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-dispatcher', 'dispatcher', '刘芳', NULL, '68f8a7f20691a78205f65549f17b6c75e66dde4cde73982863656d8095c49241', '77233dc8eb61382f32530f7b98ea5151', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-dispatcher', 'dispatcher', 'grid', '990101001') ON CONFLICT DO NOTHING;
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-leader', 'leader', '王建国', NULL, '2faaebb9aa489a1ea5ee7485998571872eb79fc488d809459ee6fb4b44785600', '88fb42cc844725c83e9d764a59afc35f', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-leader', 'grid_leader', 'grid', '990101001003') ON CONFLICT DO NOTHING;
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-worker-a', 'worker-a', '李秀梅', NULL, 'e9ce6db58bc0f8fd3226bc883f35a5b746ae072ba53c5ce956b77d3c244a5b5e', '44b0c22db1be059cb00356f9a99162e8', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-worker-a', 'grid_worker', 'grid', '990101001003001') ON CONFLICT DO NOTHING;
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-worker-b', 'worker-b', '赵志强', NULL, '770937b76a6e583a959e73c29f18f18ff63363df24ca0914028b4c78c1d02715', '00facb93054195763f045005084db5aa', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-worker-b', 'grid_worker', 'grid', '990101001004001') ON CONFLICT DO NOTHING;
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-handler', 'handler', '孙海涛', NULL, 'cc659703032ec4ea30d8a2b001cf2815ef9f9e7a00cb4cba064e23aee2dcfae5', '62f206b984e2154cb9ec120e063658b5', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-handler', 'department_handler', 'department', 'water') ON CONFLICT DO NOTHING;
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-clerk', 'clerk', '周丽', NULL, 'b59f8bb0ae28fbdeb5d53c66337af2abe5c5b736f73893d9c701c0e05f1fd869', '492c3eed32bfd331070510a1d514c4fd', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-clerk', 'shop_clerk', 'shop', 'shop-990101001003') ON CONFLICT DO NOTHING;

INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-instructor', 'instructor', '陈立华', NULL, '0e8c4b58b63c0a13e5fafbaabcb0fffd23d0695d94391293ce1b14453e833119', '5a1d3c9e7b2f40618e9d0c4b3a2f1e07', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-instructor', 'grid_instructor', 'grid', '990101001003') ON CONFLICT DO NOTHING;
-- An administrator of another township (990101002, where import tests put their grids):
-- the access matrix's administrator outside the demo township.
INSERT INTO accounts (id, login, name, person_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-admin-b', 'admin-b', '魏国平', NULL, 'd85a703978ec2ca0b2a9e5263d7fc597b2cad47994e170648b526cc91b32023e', 'c3e8a1f4b7d02965e1f0a3c8b5d7e9f2', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-admin-b', 'admin', 'grid', '990101002') ON CONFLICT DO NOTHING;
-- Demo households: one in worker-a's grid (东岗村第一网格), one in worker-b's (西湾村第一网格).
-- Their residents sign in as resident-a / resident-b (password wangge-demo), or by activation.
INSERT INTO households (id, grid_code, address, active, updated_at) VALUES ('hh-990101001003001-012', '990101001003001', '东岗村一组12号', 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET grid_code = excluded.grid_code, address = excluded.address, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-dgc-012-1', 'hh-990101001003001-012', '张德明', 'head', '13907310012', 0, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-dgc-012-2', 'hh-990101001003001-012', '王秀英', 'spouse', '13807310045', 1, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-dgc-012-3', 'hh-990101001003001-012', '张浩', 'child', NULL, 2, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-dgc-012-4', 'hh-990101001003001-012', '李桂芝', 'parent', NULL, 3, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO households (id, grid_code, address, active, updated_at) VALUES ('hh-990101001004001-005', '990101001004001', '西湾村三组5号', 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET grid_code = excluded.grid_code, address = excluded.address, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-xwc-005-1', 'hh-990101001004001-005', '刘建华', 'head', '13607315566', 0, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-xwc-005-2', 'hh-990101001004001-005', '陈玉兰', 'spouse', '15973104418', 1, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-xwc-005-3', 'hh-990101001004001-005', '刘思雨', 'child', NULL, 2, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, relation = excluded.relation, phone = excluded.phone, sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at;
INSERT INTO accounts (id, login, name, person_id, household_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-resident-a', 'resident-a', '张德明', NULL, 'hh-990101001003001-012', '582df4d32ac5dc5d2e1e3f3009ca1786bc727f8a996c5ad92819d3d948290de0', '950b8fc46714e3970e78d44f2374c8b5', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, household_id = excluded.household_id, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-resident-a', 'resident', 'grid', '990101001003001') ON CONFLICT DO NOTHING;
INSERT INTO accounts (id, login, name, person_id, household_id, password_hash, password_salt, password_iterations, active, created_at) VALUES ('acc-resident-b', 'resident-b', '刘建华', NULL, 'hh-990101001004001-005', '1db7146438be7dccb7c568555608cbdbffaa2d1ecc1fc153660a105987ef1fb0', 'b4bf58baa84286885ad958e7395b0a88', 100000, 1, 1767225600000)
  ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, household_id = excluded.household_id, password_hash = excluded.password_hash, password_salt = excluded.password_salt, password_iterations = excluded.password_iterations, active = excluded.active;
INSERT INTO account_roles (account_id, role, scope_kind, scope_id) VALUES ('acc-resident-b', 'resident', 'grid', '990101001004001') ON CONFLICT DO NOTHING;

-- 报事: four demo reports in 东岗村 (990101001003) and 西湾村, each with its timeline.
-- Written once; a report's record is never changed (ON CONFLICT DO NOTHING).
-- 1. 张德明户: a blocked drain, taken in, escalated twice and dispatched to the water station.
INSERT INTO reports (id, body_hash, category, text, grid_code, location, photos, state, level, department_id, version, created_at, updated_at, resolved_at, rating, reporter_id, household_id, contact, on_behalf, merged_into) VALUES
    ('0194a000-0000-7000-8000-000000000001', 'd000000000000000000000000000000000000000000000000000000000000001', 'muni-drain', '一组村口的下水道堵了三天，污水漫到路面上，老人小孩走路容易滑倒。', '990101001003001', '{"address":"东岗村一组村口"}', '[]', 'dispatched', 'township', 'water', 5, 1767574800000, 1767589200000, NULL, NULL, 'acc-resident-a', 'hh-990101001003001-012', NULL, 0, NULL)
  ON CONFLICT (id) DO NOTHING;
INSERT INTO report_actions (report_id, version, id, body_hash, action, account_id, role, at, from_state, to_state, public_text, internal_text, photos, department_id, category, rating) VALUES
    ('0194a000-0000-7000-8000-000000000001', 1, '0194a000-0000-7000-8000-000000000001', 'd000000000000000000000000000000000000000000000000000000000000001', 'submit', 'acc-resident-a', 'resident', 1767574800000, 'submitted', 'submitted', '', '', '[]', NULL, 'muni-drain', NULL),
    ('0194a000-0000-7000-8000-000000000001', 2, '0194a000-0000-7000-8000-0000000000a2', 'd0000000000000000000000000000000000000000000000000000000000000a2', 'accept', 'acc-worker-a', 'grid_worker', 1767578400000, 'submitted', 'accepted', '网格员已到现场查看。', '管道在路面下，需要疏通车。', '[]', NULL, NULL, NULL),
    ('0194a000-0000-7000-8000-000000000001', 3, '0194a000-0000-7000-8000-0000000000a3', 'd0000000000000000000000000000000000000000000000000000000000000a3', 'escalate', 'acc-worker-a', 'grid_worker', 1767580200000, 'accepted', 'escalated', '网格内无法处理，已上报村里。', '', '[]', NULL, NULL, NULL),
    ('0194a000-0000-7000-8000-000000000001', 4, '0194a000-0000-7000-8000-0000000000a4', 'd0000000000000000000000000000000000000000000000000000000000000a4', 'escalate', 'acc-leader', 'grid_leader', 1767585600000, 'escalated', 'escalated', '已上报镇里派单。', '', '[]', NULL, NULL, NULL),
    ('0194a000-0000-7000-8000-000000000001', 5, '0194a000-0000-7000-8000-0000000000a5', 'd0000000000000000000000000000000000000000000000000000000000000a5', 'dispatch', 'acc-dispatcher', 'dispatcher', 1767589200000, 'escalated', 'dispatched', '已派给镇水务站处理。', '', '[]', 'water', NULL, NULL)
  ON CONFLICT DO NOTHING;
-- 2. 刘建华户 (西湾村): garbage not collected, just filed.
INSERT INTO reports (id, body_hash, category, text, grid_code, location, photos, state, level, department_id, version, created_at, updated_at, resolved_at, rating, reporter_id, household_id, contact, on_behalf, merged_into) VALUES
    ('0194a000-0000-7000-8000-000000000002', 'd000000000000000000000000000000000000000000000000000000000000002', 'env-garbage', '垃圾桶满了一个星期没人清运，天热有味道。', '990101001004001', '{"address":"西湾村五组路口"}', '[]', 'submitted', 'grid', NULL, 1, 1767664800000, 1767664800000, NULL, NULL, 'acc-resident-b', 'hh-990101001004001-005', NULL, 0, NULL)
  ON CONFLICT (id) DO NOTHING;
INSERT INTO report_actions (report_id, version, id, body_hash, action, account_id, role, at, from_state, to_state, public_text, internal_text, photos, department_id, category, rating) VALUES
    ('0194a000-0000-7000-8000-000000000002', 1, '0194a000-0000-7000-8000-000000000002', 'd000000000000000000000000000000000000000000000000000000000000002', 'submit', 'acc-resident-b', 'resident', 1767664800000, 'submitted', 'submitted', '', '', '[]', NULL, 'env-garbage', NULL)
  ON CONFLICT DO NOTHING;
-- 3. Anonymous, with a phone to call back: waits for the grid worker.
INSERT INTO reports (id, body_hash, category, text, grid_code, location, photos, state, level, department_id, version, created_at, updated_at, resolved_at, rating, reporter_id, household_id, contact, on_behalf, merged_into) VALUES
    ('0194a000-0000-7000-8000-000000000003', 'd000000000000000000000000000000000000000000000000000000000000003', 'order-noise', '晚上十一点后还有人在村部广场放高音喇叭。', '990101001003001', '{"address":"东岗村村部广场"}', '[]', 'pending', 'grid', NULL, 1, 1767700800000, 1767700800000, NULL, NULL, NULL, NULL, '13700000003', 0, NULL)
  ON CONFLICT (id) DO NOTHING;
INSERT INTO report_actions (report_id, version, id, body_hash, action, account_id, role, at, from_state, to_state, public_text, internal_text, photos, department_id, category, rating) VALUES
    ('0194a000-0000-7000-8000-000000000003', 1, '0194a000-0000-7000-8000-000000000003', 'd000000000000000000000000000000000000000000000000000000000000003', 'submit', NULL, NULL, 1767700800000, 'pending', 'pending', '', '', '[]', NULL, 'order-noise', NULL)
  ON CONFLICT DO NOTHING;
-- 4. 张德明户: a street light, fixed on the spot by the grid worker; awaits the rating.
INSERT INTO reports (id, body_hash, category, text, grid_code, location, photos, state, level, department_id, version, created_at, updated_at, resolved_at, rating, reporter_id, household_id, contact, on_behalf, merged_into) VALUES
    ('0194a000-0000-7000-8000-000000000004', 'd000000000000000000000000000000000000000000000000000000000000004', 'muni-light', '一组到二组之间的路灯坏了两盏，晚上很黑。', '990101001003001', '{"address":"东岗村一组至二组道路"}', '[]', 'handled_on_spot', 'grid', NULL, 3, 1767751200000, 1767837600000, 1767837600000, NULL, 'acc-resident-a', 'hh-990101001003001-012', NULL, 0, NULL)
  ON CONFLICT (id) DO NOTHING;
INSERT INTO report_actions (report_id, version, id, body_hash, action, account_id, role, at, from_state, to_state, public_text, internal_text, photos, department_id, category, rating) VALUES
    ('0194a000-0000-7000-8000-000000000004', 1, '0194a000-0000-7000-8000-000000000004', 'd000000000000000000000000000000000000000000000000000000000000004', 'submit', 'acc-resident-a', 'resident', 1767751200000, 'submitted', 'submitted', '', '', '[]', NULL, 'muni-light', NULL),
    ('0194a000-0000-7000-8000-000000000004', 2, '0194a000-0000-7000-8000-0000000004a2', 'd0000000000000000000000000000000000000000000000000000000000004a2', 'accept', 'acc-worker-a', 'grid_worker', 1767754800000, 'submitted', 'accepted', '收到，明天带电工来看。', '', '[]', NULL, NULL, NULL),
    ('0194a000-0000-7000-8000-000000000004', 3, '0194a000-0000-7000-8000-0000000004a3', 'd0000000000000000000000000000000000000000000000000000000000004a3', 'handle_on_spot', 'acc-worker-a', 'grid_worker', 1767837600000, 'accepted', 'handled_on_spot', '已换上两只新灯泡，晚上已经亮了。', '村里备用灯泡还剩 3 只。', '[]', NULL, NULL, NULL)
  ON CONFLICT DO NOTHING;

-- Open311: the demo 12345 hotline, key `wangge-demo-open311` (only its SHA-256 is kept).
INSERT INTO open311_clients (id, name, key_sha256, area, created_at, revoked_at) VALUES
    ('hotline-12345', '禾丰县 12345 热线（演示）', 'ac9961a64bf1afe4ef06d66018dd345b47763fc9613a530ffdc8c4037ccbab05', '990101', 1767225600000, NULL)
  ON CONFLICT DO NOTHING;

-- 积分超市 (issue 10): 东岗村 and 西湾村's rule books, 东岗村's shop, and a ledger history.
-- resident-a's household can spend 110 and has 3 in public notice; resident-b's has 8 pending.
INSERT INTO point_villages (village_code, notice_days, expire_months, stars, updated_at) VALUES ('990101001003', 7, 24, '[{"stars": 3, "min_points": 20}, {"stars": 4, "min_points": 35}, {"stars": 5, "min_points": 50}]', 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO point_villages (village_code, notice_days, expire_months, stars, updated_at) VALUES ('990101001004', 7, NULL, '[{"stars": 3, "min_points": 20}, {"stars": 4, "min_points": 35}, {"stars": 5, "min_points": 50}]', 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'hj-01', '庭院整洁、门前三包落实', '环境卫生', 5, 1, 'month', 0, 1, 0) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'hj-02', '垃圾分类投放到位', '环境卫生', 2, 4, 'month', 0, 1, 1) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'hj-03', '乱堆乱放、私搭乱建', '环境卫生', -10, NULL, NULL, 1, 1, 2) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'hj-04', '露天焚烧秸秆、垃圾', '环境卫生', -20, NULL, NULL, 1, 1, 3) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'hj-05', '垃圾不分类、乱倒乱扔', '环境卫生', -2, NULL, NULL, 0, 1, 4) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'xl-01', '孝敬老人、赡养到位', '孝老爱亲', 10, 1, 'quarter', 0, 1, 5) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'xl-02', '邻里互助、照顾孤寡老人', '孝老爱亲', 5, 2, 'month', 0, 1, 6) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'yf-01', '红白事简办、不大操大办', '移风易俗', 20, NULL, NULL, 1, 1, 7) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'yf-02', '索要高额彩礼、大操大办', '移风易俗', -20, NULL, NULL, 1, 1, 8) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'gy-01', '参加村集体义务劳动', '公益志愿', 5, 4, 'month', 0, 1, 9) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'gy-02', '参加志愿服务（每次）', '公益志愿', 3, 8, 'month', 0, 1, 10) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'gy-03', '无偿献血', '公益志愿', 20, 2, 'year', 1, 1, 11) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'pa-01', '参与矛盾调解、提供安全隐患线索', '平安法治', 10, NULL, NULL, 0, 1, 12) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'pa-02', '全户无违法犯罪、无越级上访', '平安法治', 10, 1, 'quarter', 0, 1, 13) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'cx-01', '按时缴纳城乡居民医保', '诚实守信', 5, 1, 'year', 0, 1, 14) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'jl-01', '子女考上大学', '崇学尚德', 20, 1, 'year', 1, 1, 15) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001003', 'jl-02', '获评县级以上文明家庭', '崇学尚德', 30, 1, 'year', 1, 1, 16) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'hj-01', '庭院整洁、门前三包落实', '环境卫生', 5, 1, 'month', 0, 1, 0) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'hj-02', '垃圾分类投放到位', '环境卫生', 2, 4, 'month', 0, 1, 1) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'hj-03', '乱堆乱放、私搭乱建', '环境卫生', -10, NULL, NULL, 1, 1, 2) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'hj-04', '露天焚烧秸秆、垃圾', '环境卫生', -20, NULL, NULL, 1, 1, 3) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'hj-05', '垃圾不分类、乱倒乱扔', '环境卫生', -2, NULL, NULL, 0, 1, 4) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'xl-01', '孝敬老人、赡养到位', '孝老爱亲', 10, 1, 'quarter', 0, 1, 5) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'xl-02', '邻里互助、照顾孤寡老人', '孝老爱亲', 5, 2, 'month', 0, 1, 6) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'yf-01', '红白事简办、不大操大办', '移风易俗', 20, NULL, NULL, 1, 1, 7) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'yf-02', '索要高额彩礼、大操大办', '移风易俗', -20, NULL, NULL, 1, 1, 8) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'gy-01', '参加村集体义务劳动', '公益志愿', 5, 4, 'month', 0, 1, 9) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'gy-02', '参加志愿服务（每次）', '公益志愿', 3, 8, 'month', 0, 1, 10) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'gy-03', '无偿献血', '公益志愿', 20, 2, 'year', 1, 1, 11) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'pa-01', '参与矛盾调解、提供安全隐患线索', '平安法治', 10, NULL, NULL, 0, 1, 12) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'pa-02', '全户无违法犯罪、无越级上访', '平安法治', 10, 1, 'quarter', 0, 1, 13) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'cx-01', '按时缴纳城乡居民医保', '诚实守信', 5, 1, 'year', 0, 1, 14) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'jl-01', '子女考上大学', '崇学尚德', 20, 1, 'year', 1, 1, 15) ON CONFLICT DO NOTHING;
INSERT INTO point_rules (village_code, code, name, category, points, period_limit, period, evidence, active, sort) VALUES ('990101001004', 'jl-02', '获评县级以上文明家庭', '崇学尚德', 30, 1, 'year', 1, 1, 16) ON CONFLICT DO NOTHING;
INSERT INTO shops (id, village_code, name) VALUES ('shop-990101001003', '990101001003', '东岗村积分超市') ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-tissue', 'shop-990101001003', '手帕纸', '包', NULL, 1, 800, 1, 0, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-salt', 'shop-990101001003', '加碘食盐', '袋', NULL, 3, 200, 1, 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-soap', 'shop-990101001003', '洗衣皂', '块', NULL, 4, 150, 1, 2, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-towel', 'shop-990101001003', '毛巾', '条', NULL, 8, 100, 1, 3, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-detergent', 'shop-990101001003', '洗衣粉（1公斤）', '袋', NULL, 10, 80, 1, 4, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-thermos', 'shop-990101001003', '暖水瓶', '个', NULL, 30, 10, 1, 5, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-rice', 'shop-990101001003', '大米（10公斤）', '袋', NULL, 50, 30, 1, 6, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO goods (id, shop_id, name, unit, photo, price, stock, active, sort, updated_at) VALUES ('g-oil', 'shop-990101001003', '菜籽油（5升）', '桶', NULL, 60, 20, 1, 7, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO households (id, grid_code, address, active, updated_at) VALUES ('hh-990101001003003-003', '990101001003003', '东岗村三组3号', 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-990101001003003-003-1', 'hh-990101001003003-003', '李春生', 'head', NULL, 0, 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO households (id, grid_code, address, active, updated_at) VALUES ('hh-990101001003003-008', '990101001003003', '东岗村三组8号', 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-990101001003003-008-1', 'hh-990101001003003-008', '王秀英', 'head', NULL, 0, 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO households (id, grid_code, address, active, updated_at) VALUES ('hh-990101001003003-011', '990101001003003', '东岗村三组11号', 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-990101001003003-011-1', 'hh-990101001003003-011', '陈国强', 'head', NULL, 0, 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO households (id, grid_code, address, active, updated_at) VALUES ('hh-990101001003003-015', '990101001003003', '东岗村三组15号', 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO household_members (id, household_id, name, relation, phone, sort, active, updated_at) VALUES ('m-990101001003003-015-1', 'hh-990101001003003-015', '赵桂兰', 'head', NULL, 0, 1, 1767225600000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000001', 'seed', '990101001003', 'jl-02', 30, '2026年度县级文明家庭', '[]', 1, 'acc-worker-a', 1782871200000, 1783476000000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000003', 'seed', '990101001003', 'xl-01', 10, '照顾婆婆起居，邻里称道', '[]', 1, 'acc-worker-a', 1785722400000, 1786327200000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000005', 'seed', '990101001003', 'jl-01', 20, '长子张浩考入湖南农业大学', '[]', 1, 'acc-worker-a', 1787623200000, 1788228000000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000007', 'seed', '990101001003', 'hj-01', 5, '九月人居环境检查', '[]', 5, 'acc-worker-a', 1788314400000, 1788919200000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000009', 'seed', '990101001003', 'gy-03', 20, '县血站流动献血车', '[]', 2, 'acc-worker-a', 1789437600000, 1790042400000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000013', 'seed', '990101001003', 'pa-02', 10, '第三季度平安家庭', '[]', 4, 'acc-worker-a', 1791424800000, 1792029600000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000015', 'seed', '990101001003', 'yf-01', 20, '父亲丧事简办', '[]', 1, 'acc-worker-a', 1792461600000, 1793066400000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000017', 'seed', '990101001003', 'hj-01', 5, '十一月人居环境检查', '[]', 5, 'acc-worker-a', 1793671200000, 1794276000000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000019', 'seed', '990101001003', 'gy-02', 3, '重阳节敬老院志愿服务', '[]', 2, 'acc-worker-a', 1794794400000, 1795399200000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000020', 'seed', '990101001004', 'gy-01', 5, '清理村道边沟', '[]', 1, 'acc-worker-b', 1794967200000, 1795572000000) ON CONFLICT DO NOTHING;
INSERT INTO point_awards (id, body_hash, village_code, rule_code, points, note, photos, households, recorded_by, at, notice_until) VALUES ('0199a000-0000-7000-8000-000000000021', 'seed', '990101001004', 'gy-02', 3, '防汛巡堤', '[]', 1, 'acc-worker-b', 1795053600000, 1795658400000) ON CONFLICT DO NOTHING;
INSERT INTO point_orders (id, body_hash, shop_id, household_id, total, pass_nonce, clerk_id, at) VALUES ('0199c000-0000-7000-8000-000000000011', 'seed', 'shop-990101001003', 'hh-990101001003001-012', 10, NULL, 'acc-clerk', 1791183600000) ON CONFLICT DO NOTHING;
INSERT INTO point_order_items (order_id, goods_id, qty, price) VALUES ('0199c000-0000-7000-8000-000000000011', 'g-detergent', 1, 10) ON CONFLICT DO NOTHING;
INSERT INTO point_orders (id, body_hash, shop_id, household_id, total, pass_nonce, clerk_id, at) VALUES ('0199c000-0000-7000-8000-000000000012', 'seed', 'shop-990101001003', 'hh-990101001003003-003', 10, NULL, 'acc-clerk', 1791183600000) ON CONFLICT DO NOTHING;
INSERT INTO point_order_items (order_id, goods_id, qty, price) VALUES ('0199c000-0000-7000-8000-000000000012', 'g-salt', 2, 3) ON CONFLICT DO NOTHING;
INSERT INTO point_order_items (order_id, goods_id, qty, price) VALUES ('0199c000-0000-7000-8000-000000000012', 'g-soap', 1, 4) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000001:000', 'hh-990101001003001-012', '990101001003', 1, 'award', 30, 0, 30, 0, 30, '0199a000-0000-7000-8000-000000000001', NULL, 'jl-02', '获评县级以上文明家庭', '2026年度县级文明家庭', 'acc-worker-a', '李秀梅', 1782871200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000002:0199a000-0000-7000-8000-000000000001:000', 'hh-990101001003001-012', '990101001003', 2, 'approve', 30, 30, -30, 30, 0, '0199a000-0000-7000-8000-000000000001', '0199a000-0000-7000-8000-000000000001:000', 'jl-02', '获评县级以上文明家庭', '', 'acc-leader', '王建国', 1783584000000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000003:000', 'hh-990101001003001-012', '990101001003', 3, 'award', 10, 0, 10, 30, 10, '0199a000-0000-7000-8000-000000000003', NULL, 'xl-01', '孝敬老人、赡养到位', '照顾婆婆起居，邻里称道', 'acc-worker-a', '李秀梅', 1785722400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000004:0199a000-0000-7000-8000-000000000003:000', 'hh-990101001003001-012', '990101001003', 4, 'approve', 10, 10, -10, 40, 0, '0199a000-0000-7000-8000-000000000003', '0199a000-0000-7000-8000-000000000003:000', 'xl-01', '孝敬老人、赡养到位', '', 'acc-leader', '王建国', 1786435200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000005:000', 'hh-990101001003001-012', '990101001003', 5, 'award', 20, 0, 20, 40, 20, '0199a000-0000-7000-8000-000000000005', NULL, 'jl-01', '子女考上大学', '长子张浩考入湖南农业大学', 'acc-worker-a', '李秀梅', 1787623200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000006:0199a000-0000-7000-8000-000000000005:000', 'hh-990101001003001-012', '990101001003', 6, 'approve', 20, 20, -20, 60, 0, '0199a000-0000-7000-8000-000000000005', '0199a000-0000-7000-8000-000000000005:000', 'jl-01', '子女考上大学', '', 'acc-leader', '王建国', 1788336000000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000007:000', 'hh-990101001003001-012', '990101001003', 7, 'award', 5, 0, 5, 60, 5, '0199a000-0000-7000-8000-000000000007', NULL, 'hj-01', '庭院整洁、门前三包落实', '九月人居环境检查', 'acc-worker-a', '李秀梅', 1788314400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000007:001', 'hh-990101001003003-003', '990101001003', 1, 'award', 5, 0, 5, 0, 5, '0199a000-0000-7000-8000-000000000007', NULL, 'hj-01', '庭院整洁、门前三包落实', '九月人居环境检查', 'acc-worker-a', '李秀梅', 1788314400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000007:002', 'hh-990101001003003-008', '990101001003', 1, 'award', 5, 0, 5, 0, 5, '0199a000-0000-7000-8000-000000000007', NULL, 'hj-01', '庭院整洁、门前三包落实', '九月人居环境检查', 'acc-worker-a', '李秀梅', 1788314400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000007:003', 'hh-990101001003003-011', '990101001003', 1, 'award', 5, 0, 5, 0, 5, '0199a000-0000-7000-8000-000000000007', NULL, 'hj-01', '庭院整洁、门前三包落实', '九月人居环境检查', 'acc-worker-a', '李秀梅', 1788314400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000007:004', 'hh-990101001003003-015', '990101001003', 1, 'award', 5, 0, 5, 0, 5, '0199a000-0000-7000-8000-000000000007', NULL, 'hj-01', '庭院整洁、门前三包落实', '九月人居环境检查', 'acc-worker-a', '李秀梅', 1788314400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000008:0199a000-0000-7000-8000-000000000007:000', 'hh-990101001003001-012', '990101001003', 8, 'approve', 5, 5, -5, 65, 0, '0199a000-0000-7000-8000-000000000007', '0199a000-0000-7000-8000-000000000007:000', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1789027200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000008:0199a000-0000-7000-8000-000000000007:001', 'hh-990101001003003-003', '990101001003', 2, 'approve', 5, 5, -5, 5, 0, '0199a000-0000-7000-8000-000000000007', '0199a000-0000-7000-8000-000000000007:001', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1789027200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000008:0199a000-0000-7000-8000-000000000007:002', 'hh-990101001003003-008', '990101001003', 2, 'approve', 5, 5, -5, 5, 0, '0199a000-0000-7000-8000-000000000007', '0199a000-0000-7000-8000-000000000007:002', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1789027200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000008:0199a000-0000-7000-8000-000000000007:003', 'hh-990101001003003-011', '990101001003', 2, 'approve', 5, 5, -5, 5, 0, '0199a000-0000-7000-8000-000000000007', '0199a000-0000-7000-8000-000000000007:003', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1789027200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000008:0199a000-0000-7000-8000-000000000007:004', 'hh-990101001003003-015', '990101001003', 2, 'approve', 5, 5, -5, 5, 0, '0199a000-0000-7000-8000-000000000007', '0199a000-0000-7000-8000-000000000007:004', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1789027200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000009:000', 'hh-990101001003001-012', '990101001003', 9, 'award', 20, 0, 20, 65, 20, '0199a000-0000-7000-8000-000000000009', NULL, 'gy-03', '无偿献血', '县血站流动献血车', 'acc-worker-a', '李秀梅', 1789437600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000009:001', 'hh-990101001003003-003', '990101001003', 3, 'award', 20, 0, 20, 5, 20, '0199a000-0000-7000-8000-000000000009', NULL, 'gy-03', '无偿献血', '县血站流动献血车', 'acc-worker-a', '李秀梅', 1789437600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000010:0199a000-0000-7000-8000-000000000009:000', 'hh-990101001003001-012', '990101001003', 10, 'approve', 20, 20, -20, 85, 0, '0199a000-0000-7000-8000-000000000009', '0199a000-0000-7000-8000-000000000009:000', 'gy-03', '无偿献血', '', 'acc-leader', '王建国', 1790150400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000010:0199a000-0000-7000-8000-000000000009:001', 'hh-990101001003003-003', '990101001003', 4, 'approve', 20, 20, -20, 25, 0, '0199a000-0000-7000-8000-000000000009', '0199a000-0000-7000-8000-000000000009:001', 'gy-03', '无偿献血', '', 'acc-leader', '王建国', 1790150400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199c000-0000-7000-8000-000000000011', 'hh-990101001003001-012', '990101001003', 11, 'redeem', -10, -10, 0, 75, 0, NULL, '0199c000-0000-7000-8000-000000000011', NULL, NULL, '', 'acc-clerk', '周丽', 1791183600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199c000-0000-7000-8000-000000000012', 'hh-990101001003003-003', '990101001003', 5, 'redeem', -10, -10, 0, 15, 0, NULL, '0199c000-0000-7000-8000-000000000012', NULL, NULL, '', 'acc-clerk', '周丽', 1791183600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000013:000', 'hh-990101001003001-012', '990101001003', 12, 'award', 10, 0, 10, 75, 10, '0199a000-0000-7000-8000-000000000013', NULL, 'pa-02', '全户无违法犯罪、无越级上访', '第三季度平安家庭', 'acc-worker-a', '李秀梅', 1791424800000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000013:001', 'hh-990101001003003-003', '990101001003', 6, 'award', 10, 0, 10, 15, 10, '0199a000-0000-7000-8000-000000000013', NULL, 'pa-02', '全户无违法犯罪、无越级上访', '第三季度平安家庭', 'acc-worker-a', '李秀梅', 1791424800000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000013:002', 'hh-990101001003003-008', '990101001003', 3, 'award', 10, 0, 10, 5, 10, '0199a000-0000-7000-8000-000000000013', NULL, 'pa-02', '全户无违法犯罪、无越级上访', '第三季度平安家庭', 'acc-worker-a', '李秀梅', 1791424800000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000013:003', 'hh-990101001003003-011', '990101001003', 3, 'award', 10, 0, 10, 5, 10, '0199a000-0000-7000-8000-000000000013', NULL, 'pa-02', '全户无违法犯罪、无越级上访', '第三季度平安家庭', 'acc-worker-a', '李秀梅', 1791424800000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000014:0199a000-0000-7000-8000-000000000013:000', 'hh-990101001003001-012', '990101001003', 13, 'approve', 10, 10, -10, 85, 0, '0199a000-0000-7000-8000-000000000013', '0199a000-0000-7000-8000-000000000013:000', 'pa-02', '全户无违法犯罪、无越级上访', '', 'acc-leader', '王建国', 1792137600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000014:0199a000-0000-7000-8000-000000000013:001', 'hh-990101001003003-003', '990101001003', 7, 'approve', 10, 10, -10, 25, 0, '0199a000-0000-7000-8000-000000000013', '0199a000-0000-7000-8000-000000000013:001', 'pa-02', '全户无违法犯罪、无越级上访', '', 'acc-leader', '王建国', 1792137600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000014:0199a000-0000-7000-8000-000000000013:002', 'hh-990101001003003-008', '990101001003', 4, 'approve', 10, 10, -10, 15, 0, '0199a000-0000-7000-8000-000000000013', '0199a000-0000-7000-8000-000000000013:002', 'pa-02', '全户无违法犯罪、无越级上访', '', 'acc-leader', '王建国', 1792137600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000014:0199a000-0000-7000-8000-000000000013:003', 'hh-990101001003003-011', '990101001003', 4, 'approve', 10, 10, -10, 15, 0, '0199a000-0000-7000-8000-000000000013', '0199a000-0000-7000-8000-000000000013:003', 'pa-02', '全户无违法犯罪、无越级上访', '', 'acc-leader', '王建国', 1792137600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000015:000', 'hh-990101001003001-012', '990101001003', 14, 'award', 20, 0, 20, 85, 20, '0199a000-0000-7000-8000-000000000015', NULL, 'yf-01', '红白事简办、不大操大办', '父亲丧事简办', 'acc-worker-a', '李秀梅', 1792461600000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000016:0199a000-0000-7000-8000-000000000015:000', 'hh-990101001003001-012', '990101001003', 15, 'approve', 20, 20, -20, 105, 0, '0199a000-0000-7000-8000-000000000015', '0199a000-0000-7000-8000-000000000015:000', 'yf-01', '红白事简办、不大操大办', '', 'acc-leader', '王建国', 1793174400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000017:000', 'hh-990101001003001-012', '990101001003', 16, 'award', 5, 0, 5, 105, 5, '0199a000-0000-7000-8000-000000000017', NULL, 'hj-01', '庭院整洁、门前三包落实', '十一月人居环境检查', 'acc-worker-a', '李秀梅', 1793671200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000017:001', 'hh-990101001003003-003', '990101001003', 8, 'award', 5, 0, 5, 25, 5, '0199a000-0000-7000-8000-000000000017', NULL, 'hj-01', '庭院整洁、门前三包落实', '十一月人居环境检查', 'acc-worker-a', '李秀梅', 1793671200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000017:002', 'hh-990101001003003-008', '990101001003', 5, 'award', 5, 0, 5, 15, 5, '0199a000-0000-7000-8000-000000000017', NULL, 'hj-01', '庭院整洁、门前三包落实', '十一月人居环境检查', 'acc-worker-a', '李秀梅', 1793671200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000017:003', 'hh-990101001003003-011', '990101001003', 5, 'award', 5, 0, 5, 15, 5, '0199a000-0000-7000-8000-000000000017', NULL, 'hj-01', '庭院整洁、门前三包落实', '十一月人居环境检查', 'acc-worker-a', '李秀梅', 1793671200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000017:004', 'hh-990101001003003-015', '990101001003', 3, 'award', 5, 0, 5, 5, 5, '0199a000-0000-7000-8000-000000000017', NULL, 'hj-01', '庭院整洁、门前三包落实', '十一月人居环境检查', 'acc-worker-a', '李秀梅', 1793671200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000018:0199a000-0000-7000-8000-000000000017:000', 'hh-990101001003001-012', '990101001003', 17, 'approve', 5, 5, -5, 110, 0, '0199a000-0000-7000-8000-000000000017', '0199a000-0000-7000-8000-000000000017:000', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1794384000000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000018:0199a000-0000-7000-8000-000000000017:001', 'hh-990101001003003-003', '990101001003', 9, 'approve', 5, 5, -5, 30, 0, '0199a000-0000-7000-8000-000000000017', '0199a000-0000-7000-8000-000000000017:001', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1794384000000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000018:0199a000-0000-7000-8000-000000000017:002', 'hh-990101001003003-008', '990101001003', 6, 'approve', 5, 5, -5, 20, 0, '0199a000-0000-7000-8000-000000000017', '0199a000-0000-7000-8000-000000000017:002', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1794384000000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000018:0199a000-0000-7000-8000-000000000017:003', 'hh-990101001003003-011', '990101001003', 6, 'approve', 5, 5, -5, 20, 0, '0199a000-0000-7000-8000-000000000017', '0199a000-0000-7000-8000-000000000017:003', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1794384000000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199d000-0000-7000-8000-000000000018:0199a000-0000-7000-8000-000000000017:004', 'hh-990101001003003-015', '990101001003', 4, 'approve', 5, 5, -5, 10, 0, '0199a000-0000-7000-8000-000000000017', '0199a000-0000-7000-8000-000000000017:004', 'hj-01', '庭院整洁、门前三包落实', '', 'acc-leader', '王建国', 1794384000000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000019:000', 'hh-990101001003001-012', '990101001003', 18, 'award', 3, 0, 3, 110, 3, '0199a000-0000-7000-8000-000000000019', NULL, 'gy-02', '参加志愿服务（每次）', '重阳节敬老院志愿服务', 'acc-worker-a', '李秀梅', 1794794400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000019:001', 'hh-990101001003003-008', '990101001003', 7, 'award', 3, 0, 3, 20, 3, '0199a000-0000-7000-8000-000000000019', NULL, 'gy-02', '参加志愿服务（每次）', '重阳节敬老院志愿服务', 'acc-worker-a', '李秀梅', 1794794400000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000020:000', 'hh-990101001004001-005', '990101001004', 1, 'award', 5, 0, 5, 0, 5, '0199a000-0000-7000-8000-000000000020', NULL, 'gy-01', '参加村集体义务劳动', '清理村道边沟', 'acc-worker-b', '赵志强', 1794967200000) ON CONFLICT DO NOTHING;
INSERT INTO point_entries (id, household_id, village_code, seq, kind, points, spendable_delta, pending_delta, spendable_after, pending_after, award_id, ref, rule_code, rule_name, note, recorded_by, by_name, at) VALUES ('0199a000-0000-7000-8000-000000000021:000', 'hh-990101001004001-005', '990101001004', 2, 'award', 3, 0, 3, 0, 8, '0199a000-0000-7000-8000-000000000021', NULL, 'gy-02', '参加志愿服务（每次）', '防汛巡堤', 'acc-worker-b', '赵志强', 1795053600000) ON CONFLICT DO NOTHING;
INSERT INTO point_balances (household_id, village_code, seq, spendable, pending, earned) VALUES ('hh-990101001003001-012', '990101001003', 18, 110, 3, 120) ON CONFLICT DO NOTHING;
INSERT INTO point_balances (household_id, village_code, seq, spendable, pending, earned) VALUES ('hh-990101001003003-003', '990101001003', 9, 30, 0, 40) ON CONFLICT DO NOTHING;
INSERT INTO point_balances (household_id, village_code, seq, spendable, pending, earned) VALUES ('hh-990101001003003-008', '990101001003', 7, 20, 3, 20) ON CONFLICT DO NOTHING;
INSERT INTO point_balances (household_id, village_code, seq, spendable, pending, earned) VALUES ('hh-990101001003003-011', '990101001003', 6, 20, 0, 20) ON CONFLICT DO NOTHING;
INSERT INTO point_balances (household_id, village_code, seq, spendable, pending, earned) VALUES ('hh-990101001003003-015', '990101001003', 4, 10, 0, 10) ON CONFLICT DO NOTHING;
INSERT INTO point_balances (household_id, village_code, seq, spendable, pending, earned) VALUES ('hh-990101001004001-005', '990101001004', 2, 0, 8, 0) ON CONFLICT DO NOTHING;
