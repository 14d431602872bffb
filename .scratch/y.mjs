import yargs from 'yargs';
const argv = await yargs(['--lr', '', '--n', 'abc', '--max-iter=']).option('lr', { type: 'number' }).option('n', { type: 'number' }).option('max-iter', {type:'number'}).strict().fail((m)=>{console.log('FAIL',m)}).parseAsync();
console.log(argv);
