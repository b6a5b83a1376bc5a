/**
 * Academic vocabulary that faker does not carry: disciplines with their
 * course topics, buildings and titles, in each supported locale. Data only;
 * the generators read it. Entries are index-aligned across locales so a
 * department is the same discipline whatever the language.
 */

export interface Discipline {
  code: string;
  name: string;
  majors: readonly string[];
  topics: readonly string[];
}

export interface AcademicData {
  disciplines: readonly Discipline[];
  buildings: readonly string[];
  titles: readonly string[];
  courseLevels: readonly [string, string];
  emailDomain: string;
}

const en: AcademicData = {
  disciplines: [
    { code: 'CS', name: 'Computer Science', majors: ['Computer Science', 'Software Engineering', 'Data Science'], topics: ['Programming', 'Data Structures', 'Algorithms', 'Operating Systems', 'Computer Networks', 'Databases', 'Compilers', 'Machine Learning', 'Computer Graphics', 'Distributed Systems'] },
    { code: 'MATH', name: 'Mathematics', majors: ['Mathematics', 'Applied Mathematics', 'Statistics'], topics: ['Calculus', 'Linear Algebra', 'Probability', 'Real Analysis', 'Abstract Algebra', 'Number Theory', 'Topology', 'Differential Equations', 'Numerical Methods', 'Combinatorics'] },
    { code: 'PHYS', name: 'Physics', majors: ['Physics', 'Applied Physics'], topics: ['Mechanics', 'Electromagnetism', 'Thermodynamics', 'Quantum Mechanics', 'Optics', 'Relativity', 'Solid State Physics', 'Astrophysics'] },
    { code: 'CHEM', name: 'Chemistry', majors: ['Chemistry', 'Chemical Biology'], topics: ['General Chemistry', 'Organic Chemistry', 'Physical Chemistry', 'Analytical Chemistry', 'Inorganic Chemistry', 'Biochemistry', 'Polymer Chemistry'] },
    { code: 'BIO', name: 'Biology', majors: ['Biology', 'Ecology', 'Neuroscience'], topics: ['Cell Biology', 'Genetics', 'Ecology', 'Microbiology', 'Molecular Biology', 'Evolution', 'Physiology', 'Immunology'] },
    { code: 'ECON', name: 'Economics', majors: ['Economics', 'Finance'], topics: ['Microeconomics', 'Macroeconomics', 'Econometrics', 'Game Theory', 'Public Finance', 'International Trade', 'Labor Economics'] },
    { code: 'HIST', name: 'History', majors: ['History', 'Archaeology'], topics: ['Ancient History', 'Medieval History', 'Modern History', 'Economic History', 'History of Science', 'World History'] },
    { code: 'ENG', name: 'English Literature', majors: ["English Literature", 'Creative Writing'], topics: ['Poetry', 'The Novel', 'Shakespeare', "Children's Literature", 'Literary Theory', 'Drama', 'Rhetoric'] },
    { code: 'EE', name: 'Electrical Engineering', majors: ['Electrical Engineering', 'Electronics'], topics: ['Circuit Analysis', 'Signals and Systems', 'Digital Logic', 'Control Systems', 'Power Electronics', 'Microprocessors', 'Communications'] },
    { code: 'ME', name: 'Mechanical Engineering', majors: ['Mechanical Engineering', 'Aerospace Engineering'], topics: ['Statics', 'Dynamics', 'Fluid Mechanics', 'Heat Transfer', 'Materials Science', 'Machine Design', 'Robotics'] },
    { code: 'PSY', name: 'Psychology', majors: ['Psychology', 'Cognitive Science'], topics: ['Cognitive Psychology', 'Social Psychology', 'Developmental Psychology', 'Research Methods', 'Abnormal Psychology', 'Perception'] },
    { code: 'PHIL', name: 'Philosophy', majors: ['Philosophy', 'Logic'], topics: ['Logic', 'Ethics', 'Epistemology', 'Metaphysics', 'Philosophy of Mind', 'Aesthetics', 'Political Philosophy'] },
    { code: 'LAW', name: 'Law', majors: ['Law', 'International Law'], topics: ['Constitutional Law', 'Contract Law', 'Criminal Law', 'Property Law', 'Torts', 'International Law', 'Legal Writing'] },
    { code: 'MED', name: 'Medicine', majors: ['Clinical Medicine', 'Nursing', 'Public Health'], topics: ['Anatomy', 'Pharmacology', 'Pathology', 'Epidemiology', 'Medical Ethics', 'Histology', 'Clinical Skills'] },
    { code: 'ART', name: 'Fine Arts', majors: ['Fine Arts', 'Design'], topics: ['Drawing', 'Painting', 'Sculpture', 'Art History', 'Photography', 'Typography', 'Color Theory'] },
    { code: 'MUS', name: 'Music', majors: ['Music', 'Music Education'], topics: ['Music Theory', 'Harmony', 'Counterpoint', 'Ear Training', 'Orchestration', 'Music History'] },
    { code: 'ARCH', name: 'Architecture', majors: ['Architecture', 'Urban Planning'], topics: ['Architectural Design', 'Building Structures', 'Urban Design', 'Architectural History', 'Building Technology'] },
    { code: 'BUS', name: 'Business Administration', majors: ['Business Administration', 'Accounting', 'Marketing'], topics: ['Accounting', 'Marketing', 'Corporate Finance', 'Operations Management', 'Organizational Behavior', 'Business Law', 'Entrepreneurship'] },
    { code: 'GEO', name: 'Geography', majors: ['Geography', 'Geographic Information Science'], topics: ['Physical Geography', 'Human Geography', 'Cartography', 'Climatology', 'Geographic Information Systems', 'Geomorphology'] },
    { code: 'LING', name: 'Linguistics', majors: ['Linguistics', 'Translation'], topics: ['Phonetics', 'Phonology', 'Syntax', 'Semantics', 'Sociolinguistics', 'Historical Linguistics'] },
    { code: 'POL', name: 'Political Science', majors: ['Political Science', 'International Relations'], topics: ['Comparative Politics', 'International Relations', 'Political Theory', 'Public Policy', 'Public Administration'] },
    { code: 'EDU', name: 'Education', majors: ['Education', 'Educational Technology'], topics: ['Educational Psychology', 'Curriculum Design', 'Pedagogy', 'Assessment', 'Educational Technology'] },
    { code: 'ENV', name: 'Environmental Science', majors: ['Environmental Science', 'Sustainability'], topics: ['Environmental Chemistry', 'Hydrology', 'Conservation Biology', 'Environmental Policy', 'Renewable Energy', 'Soil Science'] },
    { code: 'SOC', name: 'Sociology', majors: ['Sociology', 'Social Work'], topics: ['Social Theory', 'Social Research Methods', 'Urban Sociology', 'Sociology of Education', 'Demography'] },
  ],
  buildings: ['Science Hall', 'Engineering Building', 'Humanities Hall', 'Library Annex', 'Main Building', 'North Teaching Building', 'South Teaching Building', 'East Laboratory', 'West Laboratory', 'Arts Center', 'Medical Building', 'Law Building', 'Business School', 'Innovation Center'],
  titles: ['Professor', 'Associate Professor', 'Assistant Professor', 'Lecturer'],
  courseLevels: ['I', 'II'],
  emailDomain: 'megagen.edu',
};

const zhCN: AcademicData = {
  disciplines: [
    { code: 'CS', name: '计算机科学与技术学院', majors: ['计算机科学与技术', '软件工程', '数据科学与大数据技术'], topics: ['程序设计', '数据结构', '算法设计与分析', '操作系统', '计算机网络', '数据库系统', '编译原理', '机器学习', '计算机图形学', '分布式系统'] },
    { code: 'MATH', name: '数学科学学院', majors: ['数学与应用数学', '信息与计算科学', '统计学'], topics: ['高等数学', '线性代数', '概率论', '实变函数', '抽象代数', '数论', '拓扑学', '微分方程', '数值分析', '组合数学'] },
    { code: 'PHYS', name: '物理学院', majors: ['物理学', '应用物理学'], topics: ['力学', '电磁学', '热学', '量子力学', '光学', '相对论', '固体物理', '天体物理'] },
    { code: 'CHEM', name: '化学学院', majors: ['化学', '化学生物学'], topics: ['普通化学', '有机化学', '物理化学', '分析化学', '无机化学', '生物化学', '高分子化学'] },
    { code: 'BIO', name: '生命科学学院', majors: ['生物科学', '生态学', '神经科学'], topics: ['细胞生物学', '遗传学', '生态学', '微生物学', '分子生物学', '进化生物学', '生理学', '免疫学'] },
    { code: 'ECON', name: '经济学院', majors: ['经济学', '金融学'], topics: ['微观经济学', '宏观经济学', '计量经济学', '博弈论', '财政学', '国际贸易', '劳动经济学'] },
    { code: 'HIST', name: '历史学院', majors: ['历史学', '考古学'], topics: ['中国古代史', '世界中世纪史', '中国近现代史', '经济史', '科学技术史', '世界通史'] },
    { code: 'ENG', name: '外国语学院', majors: ['英语', '翻译'], topics: ['英美诗歌', '英国小说', '莎士比亚研究', '儿童文学', '文学理论', '戏剧', '修辞学'] },
    { code: 'EE', name: '电子信息学院', majors: ['电气工程及其自动化', '电子信息工程'], topics: ['电路分析', '信号与系统', '数字逻辑', '自动控制原理', '电力电子技术', '微机原理', '通信原理'] },
    { code: 'ME', name: '机械工程学院', majors: ['机械工程', '飞行器设计与工程'], topics: ['理论力学', '动力学', '流体力学', '传热学', '材料科学基础', '机械设计', '机器人学'] },
    { code: 'PSY', name: '心理学院', majors: ['心理学', '认知科学'], topics: ['认知心理学', '社会心理学', '发展心理学', '心理学研究方法', '变态心理学', '知觉心理学'] },
    { code: 'PHIL', name: '哲学学院', majors: ['哲学', '逻辑学'], topics: ['逻辑学', '伦理学', '认识论', '形而上学', '心灵哲学', '美学', '政治哲学'] },
    { code: 'LAW', name: '法学院', majors: ['法学', '国际法'], topics: ['宪法学', '合同法', '刑法学', '物权法', '侵权责任法', '国际法', '法律文书写作'] },
    { code: 'MED', name: '医学院', majors: ['临床医学', '护理学', '公共卫生'], topics: ['人体解剖学', '药理学', '病理学', '流行病学', '医学伦理学', '组织学', '临床技能'] },
    { code: 'ART', name: '美术学院', majors: ['美术学', '视觉传达设计'], topics: ['素描', '油画', '雕塑', '美术史', '摄影', '字体设计', '色彩学'] },
    { code: 'MUS', name: '音乐学院', majors: ['音乐学', '音乐教育'], topics: ['乐理', '和声学', '复调', '视唱练耳', '配器法', '音乐史'] },
    { code: 'ARCH', name: '建筑学院', majors: ['建筑学', '城乡规划'], topics: ['建筑设计', '建筑结构', '城市设计', '建筑史', '建筑技术'] },
    { code: 'BUS', name: '管理学院', majors: ['工商管理', '会计学', '市场营销'], topics: ['会计学', '市场营销', '公司金融', '运营管理', '组织行为学', '商法', '创业管理'] },
    { code: 'GEO', name: '地理科学学院', majors: ['地理科学', '地理信息科学'], topics: ['自然地理学', '人文地理学', '地图学', '气候学', '地理信息系统', '地貌学'] },
    { code: 'LING', name: '文学院', majors: ['汉语言文学', '语言学'], topics: ['语音学', '音系学', '句法学', '语义学', '社会语言学', '历史语言学'] },
    { code: 'POL', name: '政治与公共管理学院', majors: ['政治学与行政学', '国际政治'], topics: ['比较政治学', '国际关系', '政治学原理', '公共政策', '行政管理'] },
    { code: 'EDU', name: '教育学院', majors: ['教育学', '教育技术学'], topics: ['教育心理学', '课程设计', '教学论', '教育评价', '教育技术'] },
    { code: 'ENV', name: '环境学院', majors: ['环境科学', '资源环境科学'], topics: ['环境化学', '水文学', '保护生物学', '环境政策', '可再生能源', '土壤学'] },
    { code: 'SOC', name: '社会学院', majors: ['社会学', '社会工作'], topics: ['社会学理论', '社会研究方法', '城市社会学', '教育社会学', '人口学'] },
  ],
  buildings: ['理科楼', '工科楼', '人文楼', '图书馆配楼', '主楼', '第一教学楼', '第二教学楼', '第三教学楼', '东实验楼', '西实验楼', '艺术中心', '医学楼', '法学楼', '经管楼'],
  titles: ['教授', '副教授', '讲师', '助教'],
  courseLevels: ['（一）', '（二）'],
  emailDomain: 'megagen.edu.cn',
};

export const academicData: Readonly<Record<string, AcademicData>> = { en, zh_CN: zhCN };

/**
 * Most frequent surnames, most common first, used to rank faker's
 * (alphabetical) surname lists before Zipf weights are applied.
 */
export const commonSurnames: Readonly<Record<string, readonly string[]>> = {
  en: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King'],
  zh_CN: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'],
};
