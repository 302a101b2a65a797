/*
 * The two static files of the browser sitting: the style sheet (mobile
 * first: one column at 360 px, larger type for Chinese, a wider measure on
 * a desktop; no colour needed to tell states apart) and the optional clock
 * script.  The script only counts down what the server printed and, at
 * zero, reloads so that the server decides; pages work without it.
 */
#include "config.h"

#include "web.h"

const char web_style_css[] =
"*{box-sizing:border-box}"
"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
"body{margin:0;font:18px/1.6 system-ui,-apple-system,\"Noto Sans CJK SC\","
"\"PingFang SC\",\"Microsoft YaHei\",sans-serif;color:#111;background:#fff}"
"main{padding:12px 14px 40px;max-width:40em;margin:0 auto}"
".bar{position:sticky;top:0;display:flex;justify-content:space-between;"
"gap:8px;padding:8px 14px;background:#123;color:#fff;font-size:16px}"
".bar .exam{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}"
".bar .time{white-space:nowrap}.bar .low b{background:#fc0;color:#000;"
"padding:0 4px}"
"h1{font-size:22px;line-height:1.45;margin:8px 0 14px}"
"h1.stem{font-size:20px;font-weight:600}h2{font-size:19px}"
".qn{font-size:16px;color:#333;margin:4px 0}"
".flagged{border:2px solid #b60;padding:0 4px;font-weight:600}"
"fieldset{border:0;margin:0;padding:0}"
".opt,.step{display:flex;align-items:flex-start;gap:10px;margin:8px 0;"
"padding:12px;border:1px solid #999;border-radius:8px;min-height:48px;"
"font-weight:400}"
".opt input{width:24px;height:24px;flex:none;margin:2px 0 0}"
".step select{font-size:18px;min-width:3.2em;min-height:36px;flex:none}"
"label{display:block;margin:12px 0 4px;font-weight:600}"
"input[type=password],input[name=ticket]{width:100%;font-size:20px;"
"padding:10px;border:1px solid #666;border-radius:6px}"
"button,.button{display:inline-block;font-size:17px;padding:11px 16px;"
"margin:6px 6px 0 0;border:1px solid #345;border-radius:8px;"
"background:#eef;color:#012;text-decoration:none;min-height:48px}"
".primary{background:#135;color:#fff;font-weight:600}"
"button.flagged{border:2px solid #b60;background:#fff4e0}"
"form>.primary{width:100%;margin-top:18px}"
".nav{display:flex;flex-wrap:wrap;margin-top:10px}"
".nav .primary{flex:1 0 100%}"
".ok{border-left:6px solid #171;padding:6px 10px;background:#efe}"
".err{border-left:6px solid #a11;padding:6px 10px;background:#fee}"
".warn{border-left:6px solid #b60;padding:6px 10px;background:#fff4e0}"
".lang{text-align:right}.lang a{margin-left:14px;font-size:18px}"
".grid{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}"
".q{display:inline-block;min-width:48px;padding:10px 0;text-align:center;"
"border:1px solid #666;border-radius:6px;text-decoration:none;color:#111}"
".q.done{background:#135;color:#fff}"
".q.flag{outline:3px solid #b60;outline-offset:1px}"
".q.flag::after{content:\" *\"}"
".legend .q{min-width:32px;padding:2px 0}"
".modules{border-collapse:collapse;width:100%}"
".modules td{border-bottom:1px solid #ccc;padding:6px 4px}"
".modules .n{text-align:right;white-space:nowrap}"
"@media (min-width:700px){body{font-size:17px}main{padding-top:24px}}"
"@media (prefers-contrast:more){.q.done{background:#000}}\n";

const char web_clock_js[] =
"(function(){var c=document.getElementById('clock');if(!c)return;"
"var end=Date.now()+1000*parseInt(c.getAttribute('data-left'),10);"
"function p(n){return(n<10?'0':'')+n}"
"function t(){var s=Math.max(0,Math.round((end-Date.now())/1000));"
"c.textContent=(s>=3600?Math.floor(s/3600)+':'+p(Math.floor(s/60)%60):"
"Math.floor(s/60))+':'+p(s%60);"
"if(s<=0){setTimeout(function(){location.reload()},1500);return}"
"setTimeout(t,1000)}t()})();\n";
