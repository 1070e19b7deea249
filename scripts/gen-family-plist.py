# tiny generator: python dict -> Apple XML plist (keeps order)
import sys, json
def esc(s): return s.replace('&','&amp;').replace('<','&lt;').replace('>','&gt;')
def val(v, ind):
    p='\t'*ind
    if isinstance(v,bool): return p+('<true/>' if v else '<false/>')
    if isinstance(v,int): return p+'<integer>%d</integer>'%v
    if isinstance(v,str): return p+'<string>%s</string>'%esc(v)
    if isinstance(v,list): return p+'<array>\n'+'\n'.join(val(x,ind+1) for x in v)+'\n'+p+'</array>'
    if isinstance(v,dict):
        out=[p+'<dict>']
        for k,x in v.items():
            out.append(p+'\t<key>%s</key>'%esc(k)); out.append(val(x,ind+1))
        out.append(p+'</dict>'); return '\n'.join(out)
def plist(d):
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n'+val(d,0)+'\n</plist>\n'
if __name__=='__main__':
    d=json.load(open(sys.argv[1]))
    open(sys.argv[2],'w').write(plist(d))
